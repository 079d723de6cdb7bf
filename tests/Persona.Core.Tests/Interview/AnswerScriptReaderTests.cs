using Persona.Core.Interview;

namespace Persona.Core.Tests.Interview;

public sealed class AnswerScriptReaderTests
{
    private const string Alphabet = "{}[]:#-*\n \"'QA/abc\\\t,";

    [Fact]
    public void Parse_Json_TextsObjectsSkipsAndCategories()
    {
        var script = AnswerScriptReader.Parse("""
            {"answers": ["Honesty.", {"category": "goals", "answer": "Ship the rewrite."}, {"skip": true}, {"question": "q?", "answer": ""}, 3]}
            """, "a.json");

        Assert.Equal(3, script.Answers.Count);
        Assert.Equal("goals", script.Answers[1].Category);
        Assert.True(script.Answers[2].Skip);
        Assert.Equal(["a.json: answers[3]: empty answer (write /skip or skip: true to skip a question)", "a.json: answers[4]: expected a text or an object with \"answer\""], script.Diagnostics);
    }

    [Fact]
    public void Parse_Yaml_ReportsLines()
    {
        var script = AnswerScriptReader.Parse("answers:\n  - Honesty.\n  - category: Bad Id\n    answer: x\n  - answer: Careful work.\n    category: values\n", "a.yaml");

        Assert.Equal(["Honesty.", "Careful work."], script.Answers.Select(a => a.Text));
        Assert.Equal("values", script.Answers[1].Category);
        Assert.Equal(["a.yaml:3: category 'Bad Id' is not a category id"], script.Diagnostics);
    }

    [Fact]
    public void Parse_Markdown_HeadingsQLinesAndPrefixes()
    {
        var script = AnswerScriptReader.Parse("# Title\npreamble\n\n## [values] What matters?\nA: Honesty\nand care.\n\nQ: Next?\n/skip\n\n**Q:** [focus] Now?\n**A:** Rust.\n\n## Empty?\n", "a.md");

        Assert.Equal(3, script.Answers.Count);
        Assert.Equal("Honesty\nand care.", script.Answers[0].Text);
        Assert.Equal("values", script.Answers[0].Category);
        Assert.Equal("a.md:4", script.Answers[0].Location);
        Assert.True(script.Answers[1].Skip);
        Assert.Equal(("Rust.", "focus"), (script.Answers[2].Text, script.Answers[2].Category));
        Assert.Equal(["a.md:14: empty answer (write /skip or skip: true to skip a question)"], script.Diagnostics);
    }

    [Fact]
    public void Parse_ArbitraryBytes_NeverThrows()
    {
        var random = new Random(5);
        foreach (var name in new[] { "x.json", "x.yaml", "x.md", "x.txt" })
        {
            for (var i = 0; i < 50; i++)
            {
                var chars = new char[random.Next(0, 200)];
                for (var j = 0; j < chars.Length; j++)
                    chars[j] = Alphabet[random.Next(Alphabet.Length)];
                var script = AnswerScriptReader.Parse(new string(chars), name);
                Assert.NotNull(script);
            }
        }
    }

    [Fact]
    public async Task Sample_ParsesCleanly()
    {
        var script = await InterviewFixture.SampleAnswersAsync();

        Assert.Empty(script.Diagnostics);
        Assert.Equal(10, script.Answers.Count);
        Assert.All(script.Answers, a => Assert.NotNull(a.Category));
    }
}

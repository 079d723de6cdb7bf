using Persona.Notebooks.Execution;
using Persona.Tests;

namespace Persona.Notebooks.Tests.Execution;

public sealed class AnswerBookTests
{
    [Fact]
    public void Load_Yaml_MatchesPromptsCaseInsensitively()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = temp.Combine("answers.yaml");
        File.WriteAllText(path, "\"What is your name?\": Ada\nAge: 36\n");

        var (book, error) = AnswerBook.Load(path, new Dictionary<string, string>());

        Assert.Null(error);
        Assert.Equal("Ada", book!.Answer("  what is YOUR name?"));
        Assert.Equal("36", book.Answer("age"));
    }

    [Fact]
    public void Load_Json_ReadsScalars()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = temp.Combine("answers.json");
        File.WriteAllText(path, "{\"q\": \"a\", \"n\": 3, \"b\": true}");

        var (book, _) = AnswerBook.Load(path, new Dictionary<string, string>());

        Assert.Equal(["a", "3", "true"], new[] { book!.Answer("q"), book.Answer("n"), book.Answer("b") });
    }

    [Theory]
    [InlineData("answers.json", "{\"q\": [1]}", "not a JSON object of prompt")]
    [InlineData("answers.yaml", "- a\n- b\n", "must be a mapping")]
    [InlineData("answers.yaml", "a: [\n", "not valid YAML")]
    public void Load_BadFile_ReportsFile(string name, string content, string expected)
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = temp.Combine(name);
        File.WriteAllText(path, content);

        var (book, error) = AnswerBook.Load(path, new Dictionary<string, string>());

        Assert.Null(book);
        Assert.Contains(expected, error!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith(path, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_Missing_ThrowsNamingPrompt()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => AnswerBook.Empty.Answer("Your goal?"));

        Assert.Contains("\"Your goal?\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--answers", ex.Message, StringComparison.Ordinal);
    }
}

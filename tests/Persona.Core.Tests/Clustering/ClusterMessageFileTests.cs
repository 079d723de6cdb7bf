using Persona.Core.Clustering;

namespace Persona.Core.Tests.Clustering;

public sealed class ClusterMessageFileTests
{
    [Fact]
    public void Parse_WriterLinesAndBadLines_ReadsRecordsAndNamesSkippedLines()
    {
        var text = string.Join('\n',
            """{"message_id":"c1/m1","conversation_id":"c1","conversation_title":"Build","created_at":"2024-03-01T10:00:00+00:00","text":"fix the build","context":null,"topic":"coding","tone":"neutral","length":"short","reasoning_markers":["causal"],"question_types":["how"],"margin":0.25}""",
            "{broken",
            """{"message_id":"c1/m1","text":"again"}""",
            """{"message_id":"c2/m1"}""",
            """[1,2]""",
            "");

        var result = ClusterMessageFile.Parse(text);

        var message = Assert.Single(result.Messages);
        Assert.Equal("c1/m1", message.MessageId);
        Assert.Equal("Build", message.ConversationTitle);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), message.CreatedAt);
        Assert.Equal(["causal"], message.ReasoningMarkers);
        Assert.Equal(0.25, message.Margin);
        Assert.Equal([2, 3, 4, 5], result.Problems.Select(p => p.Line));
    }

    [Theory]
    [InlineData("Other (formal) · data", "other-formal-data")]
    [InlineData("  ", "cluster")]
    [InlineData("Debugger", "debugger")]
    public void Slug_Names_FileNameForm(string name, string expected) => Assert.Equal(expected, ClusterFileNames.Slug(name));

    [Fact]
    public void SlugOf_ClusterFilePath_ReturnsSlug() =>
        Assert.Equal("other-formal-data", ClusterFileNames.SlugOf(Path.Combine("clusters", "persona_other-formal-data.jsonl")));
}

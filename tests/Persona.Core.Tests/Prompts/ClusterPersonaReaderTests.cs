using Persona.Core.Pipeline;
using Persona.Core.Prompts;
using Persona.Tests;

namespace Persona.Core.Tests.Prompts;

public sealed class ClusterPersonaReaderTests
{
    [Fact]
    public async Task ReadAsync_ClusterFiles_ReadsPersonasAndReportsBadLines()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(dir.Path);
        Directory.CreateDirectory(paths.Clusters);
        await File.WriteAllLinesAsync(Path.Combine(paths.Clusters, "persona_debugger.jsonl"),
        [
            """{"message_id":"m1","conversation_id":"c1","text":"fix the build","context":"It fails.","topic_category":"coding","reasoning_markers":["causal"]}""",
            "{broken",
            """{"messageId":"m2","conversationId":"c2","text":"why null?","wordCount":2}""",
            """{"message_id":"m1","text":"duplicate"}""",
            """{"message_id":"m3"}""",
        ], TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(paths.Clusters, "persona_empty.jsonl"), [""], TestContext.Current.CancellationToken);

        var result = await ClusterPersonaReader.ReadAsync(paths, TestContext.Current.CancellationToken);

        var persona = Assert.Single(result.Personas);
        Assert.Equal("debugger", persona.Name);
        Assert.Equal(["m1", "m2"], persona.Messages.Select(message => message.MessageId));
        Assert.Equal("It fails.", persona.Messages[0].Context);
        Assert.Equal(["coding", "causal"], persona.Categories!["m1"]);
        Assert.Equal(
            ["persona_debugger.jsonl:2", "persona_debugger.jsonl:4", "persona_debugger.jsonl:5", "persona_empty.jsonl:0"],
            result.Diagnostics.Select(diagnostic => $"{Path.GetFileName(diagnostic.File)}:{diagnostic.Line}"));
    }

    [Fact]
    public async Task ReadAsync_NoClusterFolder_SaysWhichStageToRun()
    {
        using var dir = TestPaths.CreateTempDirectory();

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => ClusterPersonaReader.ReadAsync(new PipelinePaths(dir.Path), TestContext.Current.CancellationToken));

        Assert.Contains("clustering stage", error.Message, StringComparison.Ordinal);
    }
}

using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_CommittedConfig_ListsEveryRoleOffline()
    {
        var run = await CliRunner.RunAsync("status", "--config", Path.Combine(TestPaths.RepoRoot, "config", "llm.yaml"));

        Assert.Equal(0, run.ExitCode);
        foreach (var role in new[] { "psychotherapist", "planner", "summarizer", "namer", "prompt-writer", "categorizer", "responder" })
            Assert.Contains(role, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_PsychotherapistServerDown_WarnsOnStderr()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var config = dir.Combine("llm.yaml");
        // Port 9 (discard) on loopback: nothing listens, the probe fails at once.
        await File.WriteAllTextAsync(config, "roles:\n  psychotherapist:\n    provider: ollama\n    model: llama3.2\n    endpoint: http://127.0.0.1:9\n", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("status", "--config", config);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: role psychotherapist", run.Error, StringComparison.Ordinal);
        Assert.Contains("did not answer", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_InvalidConfig_ExitsWithInputErrorNamingTheLine()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var config = dir.Combine("llm.yaml");
        await File.WriteAllTextAsync(config, "roles:\n  namer:\n    provider: gpt\n", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("status", "--config", config, "--no-probe");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(config + ":3", run.Error, StringComparison.Ordinal);
    }
}

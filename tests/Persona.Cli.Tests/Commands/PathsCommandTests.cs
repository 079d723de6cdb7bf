using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

public sealed class PathsCommandTests
{
    [Fact]
    public async Task Paths_EmptyFolder_ListsEveryOutputAsMissing()
    {
        using var dir = TestPaths.CreateTempDirectory();

        var run = await CliRunner.RunAsync("paths", "--out", dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("all_messages", run.Output);
        Assert.DoesNotContain("present", run.Output);
    }

    [Fact]
    public async Task UnknownCommand_ReportsErrorWithNonZeroExit()
    {
        var run = await CliRunner.RunAsync("no-such-command");

        Assert.NotEqual(0, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }
}

using Persona.Core.Pipeline;
using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

public sealed class ImportCommandTests
{
    private static string Fixture(string name, string file = "input.json") =>
        Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Core.Tests", "Import", "testdata", name, file);

    [Fact]
    public async Task Import_ValidExports_WritesOutputsTableOnStdoutProgressOnStderr()
    {
        using var dir = TestPaths.CreateTempDirectory();

        var run = await CliRunner.RunAsync("import", Fixture("chatgpt-linear"), Fixture("finetune-jsonl", "input.jsonl"), "--out", dir.Path);

        Assert.Equal(0, run.ExitCode);
        var paths = new PipelinePaths(dir.Path);
        Assert.True(File.Exists(paths.AllMessages));
        Assert.True(File.Exists(paths.SelfDescription));
        Assert.True(File.Exists(paths.ImportReport));
        Assert.Contains("ChatGpt", run.Output);
        Assert.Contains("OpenAiFineTuneJsonl", run.Output);
        Assert.Contains("added 3, updated 0, unchanged 0, kept 0", run.Output);
        Assert.DoesNotContain("import [", run.Output);
        Assert.Contains("import [2/2] done", run.Error);
        Assert.DoesNotContain('\u001b', run.Output);
    }

    [Fact]
    public async Task Import_BranchesAll_KeepsAbandonedBranches()
    {
        using var dir = TestPaths.CreateTempDirectory();

        var active = await CliRunner.RunAsync("import", Fixture("chatgpt-branches-all"), "--out", dir.Combine("a"));
        var all = await CliRunner.RunAsync("import", Fixture("chatgpt-branches-all"), "--out", dir.Combine("b"), "--branches", "all");

        Assert.Equal(0, active.ExitCode);
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("all_messages now 2 rows", active.Output);
        Assert.Contains("all_messages now 4 rows", all.Output);
    }

    [Fact]
    public async Task Import_UnknownFormat_ExitsWithInputErrorAndWritesNothing()
    {
        using var dir = TestPaths.CreateTempDirectory();

        var run = await CliRunner.RunAsync("import", Fixture("unknown-array"), "--out", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unrecognised export format", run.Error);
        Assert.Contains("nothing was written", run.Error);
        Assert.DoesNotContain("unrecognised", run.Output);
        Assert.False(Directory.Exists(new PipelinePaths(dir.Path).Extracted));
    }

    [Fact]
    public async Task Import_MissingPath_ExitsWithInputError()
    {
        using var dir = TestPaths.CreateTempDirectory();

        var run = await CliRunner.RunAsync("import", dir.Combine("nope.json"), "--out", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.json", run.Error);
    }

    [Fact]
    public async Task Import_NoPaths_IsAUsageError()
    {
        var run = await CliRunner.RunAsync("import");

        Assert.NotEqual(0, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }
}

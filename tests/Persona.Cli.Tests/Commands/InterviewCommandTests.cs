using System.Text.Json;
using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

public sealed class InterviewCommandTests
{
    internal static string[] ConfigArgs =>
    [
        "--config", Path.Combine(TestPaths.RepoRoot, "config", "interview.yaml"),
        "--llm-config", Path.Combine(TestPaths.RepoRoot, "config", "llm.yaml"),
    ];

    [Fact]
    public async Task Batch_SampleAnswersWithMerge_WritesCoreVersionAndMetrics()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var sample = Path.Combine(TestPaths.Samples, "interview-answers.md");

        var run = await CliRunner.RunAsync(["interview", "--profiles", dir.Path, "--profile", "carol", "--answers", sample, "--merge", "--seed", "4", .. ConfigArgs]);
        var metrics = await CliRunner.RunAsync(["interview", "--profiles", dir.Path, "--profile", "carol", "--metrics", .. ConfigArgs]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("[q001 values] What matters most to you", run.Output, StringComparison.Ordinal);
        Assert.Contains("Review of iv-", run.Output, StringComparison.Ordinal);
        Assert.Contains("Merged: core persona version 1", run.Output, StringComparison.Ordinal);
        using var core = JsonDocument.Parse(await File.ReadAllTextAsync(dir.Combine("carol", "persona", "core.json"), TestContext.Current.CancellationToken));
        Assert.Equal(1, core.RootElement.GetProperty("version").GetInt32());
        Assert.True(core.RootElement.GetProperty("fields").GetProperty("values").GetProperty("core").GetArrayLength() > 0);
        Assert.Equal(0, metrics.ExitCode);
        Assert.Contains("sessions started 1, completed 1, aborted 0, completion rate 100", metrics.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_TooFewAnswers_PausesAndResumeWithMoreFinishes()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var few = dir.Combine("few.yaml");
        await File.WriteAllTextAsync(few, "answers:\n  - Honesty and careful work that others can check.\n  - category: goals\n    answer: Finish the pipeline rewrite this spring.\n", TestContext.Current.CancellationToken);
        var sample = Path.Combine(TestPaths.Samples, "interview-answers.md");

        var first = await CliRunner.RunAsync(["interview", "--profiles", dir.Path, "--profile", "dan", "--answers", few, "--discard", .. ConfigArgs]);
        var second = await CliRunner.RunAsync(["interview", "--profiles", dir.Path, "--profile", "dan", "--answers", sample, "--discard", .. ConfigArgs]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("the file ran out of answers", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Discarded: the core persona is unchanged.", second.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(dir.Combine("dan", "persona", "interviews"), "iv-*.json")); // the same session, resumed
        Assert.False(File.Exists(dir.Combine("dan", "persona", "core.json")));
    }

    [Fact]
    public async Task BadArguments_ClearErrors()
    {
        using var dir = TestPaths.CreateTempDirectory();

        var both = await CliRunner.RunAsync(["interview", "--profiles", dir.Path, "--apply", "--merge", .. ConfigArgs]);
        var missing = await CliRunner.RunAsync(["interview", "--profiles", dir.Path, "--answers", dir.Combine("none.md"), .. ConfigArgs]);
        var unsafeProfile = await CliRunner.RunAsync(["interview", "--profiles", dir.Path, "--profile", "../x", "--metrics", .. ConfigArgs]);

        Assert.Equal(2, both.ExitCode);
        Assert.Contains("at most one of --apply, --merge and --discard", both.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("answers file not found", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, unsafeProfile.ExitCode);
        Assert.Contains("Profile id '../x'", unsafeProfile.Error, StringComparison.Ordinal);
    }
}

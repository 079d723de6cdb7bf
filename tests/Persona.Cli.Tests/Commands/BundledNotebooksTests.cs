using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

/// <summary>
/// The product's own notebooks, executed headless by the runner exactly as the main job and a user run
/// them: a notebook that fails fails the suite.
/// </summary>
public sealed class BundledNotebooksTests
{
    [Fact]
    public async Task Run_BundledSample_EveryPipelineNotebookPassesThenLoraTrainPasses()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var notebooks = Path.Combine(TestPaths.RepoRoot, "notebooks");
        var outDir = temp.Combine("personas");

        // The main job: 01-import … 07-lora-data on the bundled labelled sample.
        var run = await CliRunner.RunAsync(
            "run", "--notebooks", notebooks, "--input", Path.Combine(TestPaths.Samples, "generated-modes"), "--out", outDir);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.EndsWith("6 passed, 0 failed\n", run.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(outDir, "lora_training"), "*_train.jsonl"));

        // The interactive interview, answered from the committed answers file into a temporary profile.
        var interview = await CliRunner.RunAsync(
            "notebooks", "run", Path.Combine(notebooks, "05-interview.ipynb"), "--out", temp.Combine("nb-05"),
            "-p", "profilesDir=" + temp.Combine("profiles"),
            "-p", "answersFile=" + Path.Combine(TestPaths.Samples, "interview-answers.md"));
        Assert.True(interview.ExitCode == 0, interview.Error);

        // Training needs the real tiny model from the shared data beside the checkout.
        TestPaths.RequireShared("models", "stories260K", "stories260K.bin");
        var train = await CliRunner.RunAsync(
            "notebooks", "run", Path.Combine(notebooks, "08-lora-train.ipynb"), "--out", temp.Combine("nb-08"),
            "-p", "outDir=" + outDir, "-p", "epochs=1", "-p", "maxExamples=8");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("1 passed, 0 failed", train.Error, StringComparison.Ordinal);
    }
}

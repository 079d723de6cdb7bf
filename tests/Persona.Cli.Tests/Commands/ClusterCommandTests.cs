using Persona.Cli.Commands;
using Persona.Core.Pipeline;
using Persona.Corpora;
using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

public sealed class ClusterCommandTests
{
    private static async Task<PipelinePaths> PrepareAsync(TempDirectory dir)
    {
        var paths = new PipelinePaths(dir.Path);
        Directory.CreateDirectory(paths.Extracted);
        var corpus = LabelledCorpusGenerator.Generate(new CorpusOptions { ModeCount = 3, MessagesPerMode = 30, Seed = 6 });
        await MessagesInput.WriteAsync(paths.AllMessages, corpus.Messages, TestContext.Current.CancellationToken);
        return paths;
    }

    [Fact]
    public async Task Categorize_AllMessages_PrintsDistributionAndWritesDataset()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = await PrepareAsync(dir);

        var run = await CliRunner.RunAsync("categorize", "--out", dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("topic_category", run.Output, StringComparison.Ordinal);
        Assert.Contains("coding", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(paths.CategorizedMessages));
    }

    [Fact]
    public async Task Cluster_ForcedK_PrintsNamedClustersAndWritesOutputs()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = await PrepareAsync(dir);

        var run = await CliRunner.RunAsync("cluster", "--out", dir.Path, "--clusters", "3", "--seed", "1");
        var again = await CliRunner.RunAsync("cluster", "--out", dir.Path, "--clusters", "3", "--seed", "1", "--refresh");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("k = 3 (forced), seed 1, 90 messages", run.Output, StringComparison.Ordinal);
        Assert.Contains("why:", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(paths.ClusterAnalysis));
        Assert.True(File.Exists(paths.ClusterAssignments));
        Assert.True(File.Exists(Path.Combine(paths.Reports, "clusters.html")));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("unchanged", again.Error, StringComparison.Ordinal);
        Assert.Equal(run.Output, again.Output);
    }

    [Fact]
    public async Task Cluster_NoImportYet_ExplainsWhatToRun()
    {
        using var dir = TestPaths.CreateTempDirectory();

        var run = await CliRunner.RunAsync("cluster", "--out", dir.Path);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("all_messages.parquet not found", run.Error, StringComparison.Ordinal);
        Assert.Contains("persona import", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_BadLexicon_NamesTheFile()
    {
        using var dir = TestPaths.CreateTempDirectory();
        await PrepareAsync(dir);
        var lexicon = dir.Combine("bad.yaml");
        await File.WriteAllTextAsync(lexicon, "topics:\n  coding: [unclosed\n", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("cluster", "--out", dir.Path, "--config", lexicon);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("bad.yaml(", run.Error, StringComparison.Ordinal);
    }
}

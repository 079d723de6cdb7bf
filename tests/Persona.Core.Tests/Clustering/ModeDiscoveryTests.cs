using Persona.Core.Clustering;
using Persona.Core.Pipeline;
using Persona.Corpora;
using Persona.Tests;

namespace Persona.Core.Tests.Clustering;

/// <summary>The calls notebooks 02 and 03 make, on generated messages.</summary>
public sealed class ModeDiscoveryTests
{
    [Fact]
    public async Task CategorizeThenCluster_NotebookCalls_ProduceFiguresAndReport()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(dir.Path);
        var ct = TestContext.Current.CancellationToken;
        var messages = LabelledCorpusGenerator.Generate(new CorpusOptions { ModeCount = 3, MessagesPerMode = 30, Seed = 2 }).Messages;
        var options = new ModeDiscoveryOptions
        {
            CategorizationConfigPath = Path.Combine(TestPaths.RepoRoot, "config", "categorization.yaml"),
            ClusteringConfigPath = Path.Combine(TestPaths.RepoRoot, "config", "clustering.yaml"),
            Clustering = new ClusteringOptions { Clusters = 3, Seed = 42, StabilityRuns = 1, Restarts = 2 },
            Refresh = true,
        };

        var categorization = await ModeDiscovery.CategorizeAsync(paths, messages, options, cancellationToken: ct);
        var run = await ModeDiscovery.ClusterAsync(paths, messages, options, cancellationToken: ct);

        Assert.Contains("topic_category", categorization.Distribution.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("\"type\": \"bar\"", categorization.Distribution.ToFigure("topic_category").ToJson(), StringComparison.Ordinal);
        Assert.Equal(3, run.Analysis.K);
        Assert.True(run.Analysis.KForced);
        Assert.Equal(3, ClusterFigures.Table(run.Analysis).TotalRowCount);
        Assert.Equal(3, ClusterFigures.Projection(run.Result).Traces.Count);
        Assert.NotEmpty(ClusterFigures.CategoryShares(run.Analysis, "topic").Traces);
        Assert.Equal(3, ClusterFigures.LengthHistogram(run.Result).Traces.Count);
        Assert.Single(run.Analysis.KSelection);
        Assert.True(File.Exists(run.ReportPath));
        Assert.Contains("Representative messages", await File.ReadAllTextAsync(run.ReportPath, ct), StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using Persona.Core.Clustering;
using Persona.Core.Import;
using Persona.Core.Pipeline;
using Persona.Tests;

namespace Persona.Core.Tests.Clustering;

/// <summary>Clustering through the importer: the bundled labelled sample and the real 2023 export.</summary>
public sealed class ImportedCorporaClusteringTests
{
    [Fact]
    public async Task Cluster_ImportedGeneratedModesSample_RecoversTheFiveModes()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Path.Combine(TestPaths.Samples, "generated-modes");
        var labels = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "labels.json"), ct))!["labels"]!.AsArray()
            .ToDictionary(l => (l!["conversation_id"]!.GetValue<string>(), l["message_id"]!.GetValue<string>()), l => l!["mode"]!.GetValue<string>());
        var messages = (await new ChatImporter().ReadAsync([Path.Combine(dir, "conversations.json")], cancellationToken: ct)).Messages.ToList();
        using var output = TestPaths.CreateTempDirectory();

        var run = await ModeDiscovery.ClusterAsync(new PipelinePaths(output.Path), messages, new ModeDiscoveryOptions(), cancellationToken: ct);

        var truth = messages.Select(m => labels.Single(l => l.Key.Item1 == m.ConversationId && m.MessageId.EndsWith(l.Key.Item2, StringComparison.Ordinal)).Value).ToList();
        var modes = truth.Distinct().Order(StringComparer.Ordinal).ToList();
        var ari = AdjustedRandIndex.Compute([.. truth.Select(t => modes.IndexOf(t))], run.Result.Labels());
        Assert.Equal(300, messages.Count);
        Assert.Equal(5, run.Analysis.K);
        Assert.True(ari >= 0.8, $"ARI {ari:F3}");
    }

    [Fact]
    public async Task Cluster_RealExport_ThreeToSixUniquelyNamedClustersAndAReport()
    {
        var ct = TestContext.Current.CancellationToken;
        var export = TestPaths.RequireShared("corpora", "pkuppens-chatgpt-export-2023-06.json");
        var messages = (await new ChatImporter().ReadAsync([export], cancellationToken: ct)).Messages.ToList();
        using var output = TestPaths.CreateTempDirectory();

        var run = await ModeDiscovery.ClusterAsync(new PipelinePaths(output.Path), messages, new ModeDiscoveryOptions(), cancellationToken: ct);

        Assert.InRange(run.Analysis.K, 3, 6);
        Assert.Equal(run.Analysis.K, run.Analysis.Clusters.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(run.Analysis.Clusters, c => Assert.False(string.IsNullOrWhiteSpace(c.Why)));
        Assert.All(run.Analysis.Clusters, c => Assert.NotEmpty(c.Representatives));
        Assert.Equal(messages.Count, run.Analysis.Clusters.Sum(c => c.Size));
        Assert.True(new FileInfo(run.ReportPath).Length > 10_000);
    }
}

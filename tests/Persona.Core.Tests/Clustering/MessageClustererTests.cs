using Persona.Core.Clustering;

namespace Persona.Core.Tests.Clustering;

public sealed class MessageClustererTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Cluster_GeneratedModes_FindsTrueKAndMatchesTruth(int modes)
    {
        var (corpus, result) = await ClusteringFixture.RunAsync(modes, 60, corpusSeed: 10 + modes, new ClusteringOptions { Seed = 5 });

        var ari = AdjustedRandIndex.Compute(corpus.TruthLabels(), result.Labels());

        Assert.Equal(modes, result.Analysis.K);
        Assert.True(ari >= 0.8, $"ARI against the true modes {ari:F3}");
        Assert.True(result.Analysis.Quality.StabilityMinAri >= 0.9, $"stability ARI {result.Analysis.Quality.StabilityMinAri:F3}");
        Assert.Equal(result.Analysis.K, result.Analysis.Clusters.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}

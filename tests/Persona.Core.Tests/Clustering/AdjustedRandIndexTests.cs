using Persona.Core.Clustering;

namespace Persona.Core.Tests.Clustering;

public sealed class AdjustedRandIndexTests
{
    [Fact]
    public void Compute_SamePartitionDifferentIds_IsOne() =>
        Assert.Equal(1.0, AdjustedRandIndex.Compute([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9]), 12);

    [Fact]
    public void Compute_KnownValue_MatchesReference()
    {
        // scikit-learn: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285715
        Assert.Equal(0.5714285714285715, AdjustedRandIndex.Compute([0, 0, 1, 1], [0, 0, 1, 2]), 12);
    }

    [Fact]
    public void Compute_IndependentLabels_NearZero()
    {
        var random = new Random(1);
        var a = Enumerable.Range(0, 5000).Select(_ => random.Next(4)).ToArray();
        var b = Enumerable.Range(0, 5000).Select(_ => random.Next(4)).ToArray();

        Assert.InRange(AdjustedRandIndex.Compute(a, b), -0.02, 0.02);
    }
}

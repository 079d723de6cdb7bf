using System.Numerics.Tensors;

namespace Persona.Core.Clustering;

/// <summary>
/// Silhouette coefficients (Rousseeuw 1987) with Euclidean distance over a subset of the points
/// (all of them, or a seeded sample on large inputs, as scikit-learn's <c>sample_size</c> does):
/// s(i) = (b − a) / max(a, b), a the mean distance to its own cluster within the subset, b the
/// lowest mean distance to another cluster; 0 for a point alone in its cluster. The subset's
/// pairwise distances do not depend on k, so they are computed once and reused for every k.
/// </summary>
internal sealed class Silhouette
{
    private readonly int[] _subset;
    private readonly float[] _distances;

    public Silhouette(double[] points, int dim, int[] subset)
    {
        _subset = subset;
        var m = subset.Length;
        var distances = new float[m * m];
        Parallel.For(0, m, a =>
        {
            var pa = points.AsSpan(subset[a] * dim, dim);
            for (var b = a + 1; b < m; b++)
            {
                var d = (float)TensorPrimitives.Distance(pa, points.AsSpan(subset[b] * dim, dim));
                distances[(a * m) + b] = d;
            }
        });
        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < a; b++)
                distances[(a * m) + b] = distances[(b * m) + a];
        }

        _distances = distances;
    }

    public int[] Subset => _subset;

    /// <summary>The silhouette of every subset point under <paramref name="labels"/> (labels of all points).</summary>
    public double[] Compute(int[] labels, int k)
    {
        var m = _subset.Length;
        var sub = _subset.Select(i => labels[i]).ToArray();
        var sizes = new int[k];
        foreach (var label in sub)
            sizes[label]++;
        var values = new double[m];
        Parallel.For(0, m, a =>
        {
            var sums = new double[k];
            var row = _distances.AsSpan(a * m, m);
            for (var b = 0; b < m; b++)
                sums[sub[b]] += row[b];
            var own = sub[a];
            if (sizes[own] <= 1)
                return;
            var within = sums[own] / (sizes[own] - 1);
            var nearest = double.MaxValue;
            for (var c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                    nearest = Math.Min(nearest, sums[c] / sizes[c]);
            }

            values[a] = nearest == double.MaxValue ? 0 : (nearest - within) / Math.Max(within, nearest);
        });
        return values;
    }

    /// <summary>All indices when n ≤ max, else a seeded sample of max indices in ascending order.</summary>
    public static int[] Sample(int n, int max, int seed)
    {
        if (n <= max)
            return [.. Enumerable.Range(0, n)];
        var indices = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(indices);
        return [.. indices.Take(max).Order()];
    }
}

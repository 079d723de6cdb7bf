using System.Numerics.Tensors;

namespace Persona.Core.Clustering;

/// <summary>
/// k-means (Lloyd) with k-means++ seeding and restarts, seeded and reproducible: each restart has
/// its own <see cref="Random"/> derived from the seed; the assignment step runs rows in parallel,
/// the centroid update sums rows in index order, so a run gives identical results every time.
/// The restart with the lowest inertia wins (ties: the earlier restart). Empty clusters are
/// re-seeded with the point farthest from its centroid.
/// </summary>
internal static class KMeans
{
    public static KMeansResult Fit(double[] points, int n, int dim, int k, int seed, int restarts, int maxIterations, double tolerance = 1e-7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        KMeansResult? best = null;
        for (var r = 0; r < restarts; r++)
        {
            var result = FitOnce(points, n, dim, k, new Random(SeedSequence.Derive(seed, k, r)), maxIterations, tolerance);
            if (best is null || result.Inertia < best.Inertia - 1e-12)
                best = result;
        }

        return best!;
    }

    private static KMeansResult FitOnce(double[] points, int n, int dim, int k, Random random, int maxIterations, double tolerance)
    {
        var centroids = SeedPlusPlus(points, n, dim, k, random);
        var labels = new int[n];
        var distances = new double[n];
        var iterations = 0;
        var inertia = double.MaxValue;
        for (; iterations < maxIterations; iterations++)
        {
            Assign(points, n, dim, centroids, k, labels, distances);
            var newInertia = distances.Sum();
            Update(points, n, dim, k, labels, distances, centroids);
            var converged = inertia - newInertia <= tolerance * Math.Max(1.0, newInertia);
            inertia = newInertia;
            if (converged)
                break;
        }

        Assign(points, n, dim, centroids, k, labels, distances);
        return new KMeansResult(k, labels, centroids, distances.Sum(), iterations + 1);
    }

    private static double[] SeedPlusPlus(double[] points, int n, int dim, int k, Random random)
    {
        var centroids = new double[k * dim];
        var first = random.Next(n);
        points.AsSpan(first * dim, dim).CopyTo(centroids);
        var nearest = new double[n];
        Parallel.For(0, n, i => nearest[i] = SquaredDistance(points.AsSpan(i * dim, dim), centroids.AsSpan(0, dim)));
        var candidates = 2 + (int)Math.Log(k);
        for (var c = 1; c < k; c++)
        {
            var total = nearest.Sum();
            var bestIndex = -1;
            var bestPotential = double.MaxValue;
            for (var t = 0; t < candidates; t++)
            {
                var index = Sample(nearest, total, random);
                var potential = 0.0;
                var candidate = points.AsSpan(index * dim, dim);
                for (var i = 0; i < n; i++)
                    potential += Math.Min(nearest[i], SquaredDistance(points.AsSpan(i * dim, dim), candidate));
                if (potential < bestPotential)
                {
                    bestPotential = potential;
                    bestIndex = index;
                }
            }

            points.AsSpan(bestIndex * dim, dim).CopyTo(centroids.AsSpan(c * dim, dim));
            var chosen = centroids.AsMemory(c * dim, dim);
            Parallel.For(0, n, i => nearest[i] = Math.Min(nearest[i], SquaredDistance(points.AsSpan(i * dim, dim), chosen.Span)));
        }

        return centroids;
    }

    private static int Sample(double[] weights, double total, Random random)
    {
        if (total <= 0)
            return random.Next(weights.Length);
        var target = random.NextDouble() * total;
        var cumulative = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative >= target)
                return i;
        }

        return weights.Length - 1;
    }

    internal static void Assign(double[] points, int n, int dim, double[] centroids, int k, int[] labels, double[] distances)
    {
        Parallel.For(0, n, i =>
        {
            var point = points.AsSpan(i * dim, dim);
            var best = 0;
            var bestDistance = double.MaxValue;
            for (var c = 0; c < k; c++)
            {
                var d = SquaredDistance(point, centroids.AsSpan(c * dim, dim));
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = c;
                }
            }

            labels[i] = best;
            distances[i] = bestDistance;
        });
    }

    private static void Update(double[] points, int n, int dim, int k, int[] labels, double[] distances, double[] centroids)
    {
        var sums = new double[k * dim];
        var counts = new int[k];
        for (var i = 0; i < n; i++)
        {
            var c = labels[i];
            counts[c]++;
            var sum = sums.AsSpan(c * dim, dim);
            var point = points.AsSpan(i * dim, dim);
            for (var j = 0; j < dim; j++)
                sum[j] += point[j];
        }

        for (var c = 0; c < k; c++)
        {
            if (counts[c] == 0)
            {
                var far = 0;
                for (var i = 1; i < n; i++)
                {
                    if (distances[i] > distances[far])
                        far = i;
                }

                points.AsSpan(far * dim, dim).CopyTo(centroids.AsSpan(c * dim, dim));
                distances[far] = 0;
                continue;
            }

            var centroid = centroids.AsSpan(c * dim, dim);
            var sum = sums.AsSpan(c * dim, dim);
            for (var j = 0; j < dim; j++)
                centroid[j] = sum[j] / counts[c];
        }
    }

    internal static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var d = TensorPrimitives.Distance(a, b);
        return d * d;
    }
}

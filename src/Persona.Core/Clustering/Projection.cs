using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace Persona.Core.Clustering;

/// <summary>2-D projection for display: the first two principal components of the features (signs fixed so the largest loading is positive).</summary>
internal static class Projection
{
    public static (double[] X, double[] Y) Principal2D(double[] points, int n, int dim)
    {
        var mean = new double[dim];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < dim; j++)
                mean[j] += points[(i * dim) + j] / n;
        }

        // (n, dim) -> (dim, dim): rows of the covariance accumulated in parallel, each over the points in order.
        var sums = new double[dim * dim];
        Parallel.For(0, dim, a =>
        {
            var target = sums.AsSpan(a * dim, dim);
            var centred = new double[dim];
            for (var i = 0; i < n; i++)
            {
                var da = points[(i * dim) + a] - mean[a];
                if (da == 0)
                    continue;
                TensorPrimitives.Subtract(points.AsSpan(i * dim, dim), mean, centred);
                TensorPrimitives.MultiplyAdd(centred, da, target, target);
            }
        });
        var covariance = Matrix<double>.Build.Dense(dim, dim, (a, b) => sums[(a * dim) + b]);

        var evd = covariance.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, dim).OrderByDescending(i => evd.EigenValues[i].Real).ThenBy(i => i).Take(2).ToArray();
        var axes = order.Select(o =>
        {
            var v = Enumerable.Range(0, dim).Select(j => evd.EigenVectors[j, o]).ToArray();
            var sign = Math.Sign(v.MaxBy(Math.Abs));
            return v.Select(x => x * (sign == 0 ? 1 : sign)).ToArray();
        }).ToArray();
        var xs = new double[n];
        var ys = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < dim; j++)
            {
                var centred = points[(i * dim) + j] - mean[j];
                xs[i] += centred * axes[0][j];
                ys[i] += centred * (axes.Length > 1 ? axes[1][j] : 0);
            }
        }

        return (xs, ys);
    }
}

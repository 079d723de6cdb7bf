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

        var covariance = Matrix<double>.Build.Dense(dim, dim);
        for (var i = 0; i < n; i++)
        {
            for (var a = 0; a < dim; a++)
            {
                var da = points[(i * dim) + a] - mean[a];
                if (da == 0)
                    continue;
                for (var b = a; b < dim; b++)
                    covariance[a, b] += da * (points[(i * dim) + b] - mean[b]);
            }
        }

        for (var a = 0; a < dim; a++)
        {
            for (var b = 0; b < a; b++)
                covariance[a, b] = covariance[b, a];
        }

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

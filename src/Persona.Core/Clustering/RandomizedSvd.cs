using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace Persona.Core.Clustering;

/// <summary>
/// Truncated SVD of a sparse matrix by the randomized range finder (Halko, Martinsson, Tropp 2011):
/// a seeded Gaussian sketch, power iterations with re-orthonormalisation, then the exact SVD of the
/// small projected matrix (via the eigen-decomposition of B·Bᵀ, MathNet). Returns the document
/// coordinates U·Σ (the LSA embedding), component signs fixed so the largest loading is positive.
/// </summary>
internal static class RandomizedSvd
{
    public static (double[] Embedding, double[] SingularValues, int Rank) Embed(SparseMatrix x, int rank, int seed, int oversample = 10, int powerIterations = 2)
    {
        var n = x.Rows;
        var l = Math.Min(rank + oversample, Math.Min(n, x.Columns));
        rank = Math.Min(rank, l);
        if (rank < 1)
            return (new double[n], [], 0);

        var random = new Random(seed);
        var omega = new double[x.Columns * l];
        for (var i = 0; i < omega.Length; i++)
            omega[i] = Gaussian(random);

        var q = Orthonormalize(x.Multiply(omega, l), n, l); // (n, l)
        for (var iteration = 0; iteration < powerIterations; iteration++)
        {
            var z = Transpose(x.TransposeMultiply(q, l), l, x.Columns); // (V, l)
            z = Orthonormalize(z, x.Columns, l);
            q = Orthonormalize(x.Multiply(z, l), n, l);
        }

        var b = x.TransposeMultiply(q, l); // (l, V)
        var bbt = Matrix<double>.Build.Dense(l, l);
        for (var i = 0; i < l; i++)
        {
            var bi = b.AsSpan(i * x.Columns, x.Columns);
            for (var j = 0; j <= i; j++)
            {
                var dot = Dot(bi, b.AsSpan(j * x.Columns, x.Columns));
                bbt[i, j] = dot;
                bbt[j, i] = dot;
            }
        }

        var evd = bbt.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, l).OrderByDescending(i => evd.EigenValues[i].Real).ThenBy(i => i).Take(rank).ToArray();
        var sigma = order.Select(i => Math.Sqrt(Math.Max(0, evd.EigenValues[i].Real))).ToArray();
        var ub = new double[l * rank]; // (l, rank)
        for (var c = 0; c < rank; c++)
        {
            var maxAbs = 0.0;
            var sign = 1.0;
            for (var j = 0; j < l; j++)
            {
                var v = evd.EigenVectors[j, order[c]];
                if (Math.Abs(v) > maxAbs)
                {
                    maxAbs = Math.Abs(v);
                    sign = Math.Sign(v);
                }
            }

            for (var j = 0; j < l; j++)
                ub[(j * rank) + c] = sign * evd.EigenVectors[j, order[c]] * sigma[c];
        }

        var embedding = new double[n * rank];
        Parallel.For(0, n, i =>
        {
            var row = embedding.AsSpan(i * rank, rank);
            for (var j = 0; j < l; j++)
                TensorPrimitives.MultiplyAdd(ub.AsSpan(j * rank, rank), q[(i * l) + j], row, row);
        });
        return (embedding, sigma, rank);
    }

    /// <summary>Modified Gram–Schmidt on the columns of a row-major (rows × cols) matrix; returns the orthonormal basis row-major.</summary>
    internal static double[] Orthonormalize(double[] a, int rows, int cols)
    {
        var columns = new double[cols][];
        for (var j = 0; j < cols; j++)
        {
            var column = new double[rows];
            for (var i = 0; i < rows; i++)
                column[i] = a[(i * cols) + j];
            for (var k = 0; k < j; k++)
            {
                var r = TensorPrimitives.Dot<double>(columns[k], column);
                TensorPrimitives.MultiplyAdd(columns[k], -r, column, column);
            }

            var norm = Math.Sqrt(TensorPrimitives.Dot<double>(column, column));
            TensorPrimitives.Multiply(column, norm > 1e-12 ? 1.0 / norm : 0.0, column);
            columns[j] = column;
        }

        var result = new double[rows * cols];
        for (var j = 0; j < cols; j++)
        {
            for (var i = 0; i < rows; i++)
                result[(i * cols) + j] = columns[j][i];
        }

        return result;
    }

    private static double[] Transpose(double[] a, int rows, int cols)
    {
        var t = new double[rows * cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
                t[(j * rows) + i] = a[(i * cols) + j];
        }

        return t;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => TensorPrimitives.Dot(a, b);

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

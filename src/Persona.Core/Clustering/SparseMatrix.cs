namespace Persona.Core.Clustering;

/// <summary>A row-compressed sparse matrix (CSR): row i's entries are at RowStart[i]..RowStart[i+1].</summary>
internal sealed class SparseMatrix(int rows, int columns, int[] rowStart, int[] column, float[] value)
{
    public int Rows { get; } = rows;

    public int Columns { get; } = columns;

    public int[] RowStart { get; } = rowStart;

    public int[] Column { get; } = column;

    public float[] Value { get; } = value;

    public int NonZeros => RowStart[Rows];

    /// <summary>Y = this · dense, dense given row-major (Columns × width); rows in parallel, each row summed in a fixed order.</summary>
    public double[] Multiply(double[] dense, int width)
    {
        var result = new double[Rows * width];
        Parallel.For(0, Rows, i =>
        {
            var target = result.AsSpan(i * width, width);
            for (var p = RowStart[i]; p < RowStart[i + 1]; p++)
            {
                var v = Value[p];
                var source = dense.AsSpan(Column[p] * width, width);
                for (var j = 0; j < width; j++)
                    target[j] += v * source[j];
            }
        });
        return result;
    }

    /// <summary>B = denseᵀ · this, dense given row-major (Rows × width); returns row-major (width × Columns). Each output row is summed over the rows in order.</summary>
    public double[] TransposeMultiply(double[] dense, int width)
    {
        var result = new double[width * Columns];
        Parallel.For(0, width, j =>
        {
            var target = result.AsSpan(j * Columns, Columns);
            for (var i = 0; i < Rows; i++)
            {
                var q = dense[(i * width) + j];
                if (q == 0)
                    continue;
                for (var p = RowStart[i]; p < RowStart[i + 1]; p++)
                    target[Column[p]] += q * Value[p];
            }
        });
        return result;
    }
}

using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>
/// A rectangular grid of numbers for a heatmap's <c>z</c>: <c>Rows[i][j]</c> is the cell in row <c>i</c>
/// (y) and column <c>j</c> (x). Non-finite cells are written as null (drawn empty).
/// </summary>
[JsonConverter(typeof(PlotMatrixJsonConverter))]
public sealed class PlotMatrix
{
    private PlotMatrix(double[][] rows, int columns)
    {
        Rows = rows;
        ColumnCount = columns;
    }

    public IReadOnlyList<IReadOnlyList<double>> Rows { get; }

    public int RowCount => Rows.Count;

    public int ColumnCount { get; }

    /// <exception cref="ArgumentException">The rows have different lengths.</exception>
    public static PlotMatrix From(IEnumerable<IEnumerable<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        double[][] copy = [.. rows.Select(r => r.ToArray())];
        var columns = copy.Length == 0 ? 0 : copy[0].Length;
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i].Length != columns)
                throw new ArgumentException($"matrix row {i} has {copy[i].Length} values, row 0 has {columns}", nameof(rows));
        }

        return new PlotMatrix(copy, columns);
    }

    public static PlotMatrix From(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var rows = new double[values.GetLength(0)][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[values.GetLength(1)];
            for (var j = 0; j < rows[i].Length; j++)
                rows[i][j] = values[i, j];
        }

        return new PlotMatrix(rows, values.GetLength(1));
    }

    public static implicit operator PlotMatrix(double[][] rows) => From(rows);

    public static implicit operator PlotMatrix(double[,] values) => From(values);
}

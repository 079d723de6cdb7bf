namespace Persona.Parquet.Reading;

/// <summary>
/// One column of one row group, assembled: for flat columns <see cref="Values"/> has one slot per
/// row; for lists it has one slot per element and <see cref="Offsets"/> (rows + 1 entries) delimits
/// each row's elements, with <see cref="ListNulls"/> marking null lists.
/// </summary>
internal sealed class ColumnData
{
    public required FileColumn Column { get; init; }

    public required ValueArray Values { get; init; }

    public required int Rows { get; init; }

    public int[]? Offsets { get; init; }

    public bool[]? ListNulls { get; init; }

    public object? GetValue(int row)
    {
        if (Offsets is null)
            return Values.GetValue(row);
        if (ListNulls is { } nulls && nulls[row])
            return null;
        var start = Offsets[row];
        var items = new object?[Offsets[row + 1] - start];
        for (var i = 0; i < items.Length; i++)
            items[i] = Values.GetValue(start + i);
        return items;
    }
}

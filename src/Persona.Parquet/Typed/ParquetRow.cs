using Persona.Parquet.Reading;
using Persona.Parquet.Writing;

namespace Persona.Parquet;

/// <summary>
/// The current row while a map materializes records. Column indexes are positions in the map (the
/// order of its <c>Column</c> calls), whatever the order in the file. The instance is reused for
/// every row: read values inside the materializer, do not keep it.
/// </summary>
public sealed class ParquetRow
{
    private readonly ColumnData[] _columns;
    private readonly ParquetColumn[] _declared;

    internal ParquetRow(ColumnData[] columns, ParquetColumn[] declared)
    {
        _columns = columns;
        _declared = declared;
    }

    /// <summary>Zero-based row index within the file.</summary>
    public long RowIndex { get; private set; }

    internal int Index { get; set; }

    internal void MoveTo(int index, long rowIndex)
    {
        Index = index;
        RowIndex = rowIndex;
    }

    public bool IsNull(int column)
    {
        var data = _columns[column];
        return data.Offsets is null ? data.Values.IsNull(Index) : data.ListNulls![Index];
    }

    public string GetString(int column) => GetStringOrNull(column) ?? throw NullValue(column);

    public string? GetStringOrNull(int column) => _columns[column].Values.Strings![Index];

    public bool GetBoolean(int column) => GetBooleanOrNull(column) ?? throw NullValue(column);

    public bool? GetBooleanOrNull(int column)
    {
        var v = _columns[column].Values;
        return v.IsNull(Index) ? null : v.Bools![Index];
    }

    public int GetInt32(int column) => GetInt32OrNull(column) ?? throw NullValue(column);

    public int? GetInt32OrNull(int column)
    {
        var v = _columns[column].Values;
        return v.IsNull(Index) ? null : v.Int32s![Index];
    }

    public long GetInt64(int column) => GetInt64OrNull(column) ?? throw NullValue(column);

    public long? GetInt64OrNull(int column)
    {
        var v = _columns[column].Values;
        if (v.IsNull(Index))
            return null;
        return v.Int64s is { } longs ? longs[Index] : v.Int32s![Index];
    }

    public float GetSingle(int column) => GetSingleOrNull(column) ?? throw NullValue(column);

    public float? GetSingleOrNull(int column)
    {
        var v = _columns[column].Values;
        return v.IsNull(Index) ? null : v.Floats![Index];
    }

    public double GetDouble(int column) => GetDoubleOrNull(column) ?? throw NullValue(column);

    public double? GetDoubleOrNull(int column)
    {
        var v = _columns[column].Values;
        if (v.IsNull(Index))
            return null;
        return v.Doubles is { } doubles ? doubles[Index] : v.Floats![Index];
    }

    public DateTimeOffset GetTimestamp(int column) => GetTimestampOrNull(column) ?? throw NullValue(column);

    public DateTimeOffset? GetTimestampOrNull(int column)
    {
        var data = _columns[column];
        var v = data.Values;
        if (v.IsNull(Index))
            return null;
        return TimestampConversion.FromUnits(v.Int64s![Index], data.Column.TimeUnit)
            ?? throw new ParquetFormatException($"timestamp {v.Int64s[Index]} at row {RowIndex} is outside the range .NET represents", null, _declared[column].Name);
    }

    /// <summary>The list in this row; null for a null list. Elements may be null.</summary>
    public IReadOnlyList<string?>? GetStringList(int column)
    {
        var data = _columns[column];
        if (data.ListNulls![Index])
            return null;
        var start = data.Offsets![Index];
        var count = data.Offsets[Index + 1] - start;
        if (count == 0)
            return [];
        var items = new string?[count];
        Array.Copy(data.Values.Strings!, start, items, 0, count);
        return items;
    }

    private ParquetFormatException NullValue(int column) =>
        new($"row {RowIndex} holds null in a column the map reads as non-null", null, _declared[column].Name);
}

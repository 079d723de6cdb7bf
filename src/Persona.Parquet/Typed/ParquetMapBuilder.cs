using Persona.Parquet.Writing;

namespace Persona.Parquet;

/// <summary>
/// Declares the columns of a record type, in order, with a selector each. Value types infer
/// nullability (<c>int</c> REQUIRED, <c>int?</c> OPTIONAL); reference types (strings, lists) are
/// REQUIRED unless <c>nullable: true</c> is passed, because their annotation is not visible at run time.
/// </summary>
public sealed class ParquetMapBuilder<T>
{
    private readonly List<ParquetColumn> _columns = [];
    private readonly List<Action<T, ColumnChunkWriter>> _writers = [];

    public ParquetMapBuilder<T> Column(string name, Func<T, string?> selector, bool nullable = false) =>
        Add(name, ParquetColumnType.String, nullable, selector, (s, r, w) =>
        {
            if (s(r) is { } value)
                w.AppendString(value);
            else
                w.AppendNull();
        });

    public ParquetMapBuilder<T> Column(string name, Func<T, IReadOnlyList<string?>?> selector, bool nullable = false) =>
        Add(name, ParquetColumnType.StringList, nullable, selector, (s, r, w) =>
        {
            if (s(r) is { } value)
                w.AppendList(value);
            else
                w.AppendNull();
        });

    public ParquetMapBuilder<T> Column(string name, Func<T, bool> selector) =>
        Add(name, ParquetColumnType.Boolean, false, selector, (s, r, w) => w.AppendBoolean(s(r)));

    public ParquetMapBuilder<T> Column(string name, Func<T, bool?> selector) =>
        Add(name, ParquetColumnType.Boolean, true, selector, (s, r, w) =>
        {
            if (s(r) is { } value)
                w.AppendBoolean(value);
            else
                w.AppendNull();
        });

    public ParquetMapBuilder<T> Column(string name, Func<T, int> selector) =>
        Add(name, ParquetColumnType.Int32, false, selector, (s, r, w) => w.AppendInt32(s(r)));

    public ParquetMapBuilder<T> Column(string name, Func<T, int?> selector) =>
        Add(name, ParquetColumnType.Int32, true, selector, (s, r, w) =>
        {
            if (s(r) is { } value)
                w.AppendInt32(value);
            else
                w.AppendNull();
        });

    public ParquetMapBuilder<T> Column(string name, Func<T, long> selector) =>
        Add(name, ParquetColumnType.Int64, false, selector, (s, r, w) => w.AppendInt64(s(r)));

    public ParquetMapBuilder<T> Column(string name, Func<T, long?> selector) =>
        Add(name, ParquetColumnType.Int64, true, selector, (s, r, w) =>
        {
            if (s(r) is { } value)
                w.AppendInt64(value);
            else
                w.AppendNull();
        });

    public ParquetMapBuilder<T> Column(string name, Func<T, float> selector) =>
        Add(name, ParquetColumnType.Float, false, selector, (s, r, w) => w.AppendFloat(s(r)));

    public ParquetMapBuilder<T> Column(string name, Func<T, float?> selector) =>
        Add(name, ParquetColumnType.Float, true, selector, (s, r, w) =>
        {
            if (s(r) is { } value)
                w.AppendFloat(value);
            else
                w.AppendNull();
        });

    public ParquetMapBuilder<T> Column(string name, Func<T, double> selector) =>
        Add(name, ParquetColumnType.Double, false, selector, (s, r, w) => w.AppendDouble(s(r)));

    public ParquetMapBuilder<T> Column(string name, Func<T, double?> selector) =>
        Add(name, ParquetColumnType.Double, true, selector, (s, r, w) =>
        {
            if (s(r) is { } value)
                w.AppendDouble(value);
            else
                w.AppendNull();
        });

    public ParquetMapBuilder<T> Column(string name, Func<T, DateTimeOffset> selector, ParquetTimeUnit unit = ParquetTimeUnit.Micros) =>
        Add(name, ParquetColumnType.Timestamp, false, selector, (s, r, w) => w.AppendTimestamp(s(r)), unit);

    public ParquetMapBuilder<T> Column(string name, Func<T, DateTimeOffset?> selector, ParquetTimeUnit unit = ParquetTimeUnit.Micros) =>
        Add(name, ParquetColumnType.Timestamp, true, selector, (s, r, w) =>
        {
            if (s(r) is { } value)
                w.AppendTimestamp(value);
            else
                w.AppendNull();
        }, unit);

    /// <summary>
    /// Finishes the map. <paramref name="materialize"/> builds a record from a row (indexes follow the
    /// order of the <c>Column</c> calls); leave it null for a map that only writes.
    /// </summary>
    public ParquetMap<T> Build(Func<ParquetRow, T>? materialize = null)
    {
        if (_columns.Count == 0)
            throw new InvalidOperationException("a Parquet map needs at least one column");
        return new ParquetMap<T>([.. _columns], [.. _writers], materialize);
    }

    private ParquetMapBuilder<T> Add<TSelector>(string name, ParquetColumnType type, bool nullable, TSelector selector, Action<TSelector, T, ColumnChunkWriter> write, ParquetTimeUnit unit = ParquetTimeUnit.Micros)
        where TSelector : Delegate
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(selector);
        if (!Enum.IsDefined(unit))
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown time unit");
        if (_columns.Exists(c => string.Equals(c.Name, name, StringComparison.Ordinal)))
            throw new ArgumentException($"column '{name}' is declared twice", nameof(name));
        _columns.Add(new ParquetColumn(name, type, nullable, unit));
        _writers.Add((record, writer) => write(selector, record, writer));
        return this;
    }
}

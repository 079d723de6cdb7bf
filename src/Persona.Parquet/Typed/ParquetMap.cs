using Persona.Parquet.Writing;

namespace Persona.Parquet;

/// <summary>
/// The explicit schema of a record type: its columns, how each value is taken from a record, and how
/// a record is built from a row. Made by <see cref="ParquetMapBuilder{T}"/>; immutable and shareable.
/// </summary>
public sealed class ParquetMap<T>
{
    internal ParquetMap(ParquetColumn[] columns, Action<T, ColumnChunkWriter>[] writers, Func<ParquetRow, T>? materialize)
    {
        ColumnArray = columns;
        Writers = writers;
        Materialize = materialize;
    }

    public IReadOnlyList<ParquetColumn> Columns => ColumnArray;

    internal ParquetColumn[] ColumnArray { get; }

    internal Action<T, ColumnChunkWriter>[] Writers { get; }

    internal Func<ParquetRow, T>? Materialize { get; }
}

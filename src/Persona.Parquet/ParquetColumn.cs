namespace Persona.Parquet;

/// <summary>One top-level column of a schema the typed layer writes.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">Value type.</param>
/// <param name="Nullable">Whether the column is OPTIONAL (may hold nulls) rather than REQUIRED.</param>
/// <param name="TimeUnit">Unit of a <see cref="ParquetColumnType.Timestamp"/> column; ignored otherwise.</param>
public sealed record ParquetColumn(string Name, ParquetColumnType Type, bool Nullable, ParquetTimeUnit TimeUnit = ParquetTimeUnit.Micros);

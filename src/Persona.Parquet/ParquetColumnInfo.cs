namespace Persona.Parquet;

/// <summary>One top-level column of a file, as shown by a schema dump.</summary>
/// <param name="Name">Column name.</param>
/// <param name="StorageType">Physical and logical type as written, e.g. <c>INT64 TIMESTAMP(UTC, MICROS)</c>.</param>
/// <param name="Nullable">OPTIONAL rather than REQUIRED.</param>
/// <param name="Type">The typed-layer type it reads as; null when it has none.</param>
/// <param name="Unsupported">Why the column cannot be read, when it cannot.</param>
public sealed record ParquetColumnInfo(string Name, string StorageType, bool Nullable, ParquetColumnType? Type, string? Unsupported);

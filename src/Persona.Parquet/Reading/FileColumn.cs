using Persona.Parquet.Format;

namespace Persona.Parquet.Reading;

/// <summary>A top-level field of a file's schema with what is needed to read its leaf.</summary>
internal sealed class FileColumn
{
    public required string Name { get; init; }

    public required ColumnShape Shape { get; init; }

    /// <summary>Why the column cannot be read, for <see cref="ColumnShape.Unsupported"/>.</summary>
    public string? Unsupported { get; init; }

    public SchemaElement? Leaf { get; init; }

    /// <summary>Index of the leaf among all leaves (= index into RowGroup.columns).</summary>
    public int LeafIndex { get; init; }

    public int MaxDef { get; init; }

    public int MaxRep { get; init; }

    /// <summary>The top-level field is OPTIONAL.</summary>
    public bool Nullable { get; init; }

    /// <summary>For lists: definition level at and above which a list exists (0 when the list is required).</summary>
    public int ListPresentDef { get; init; }

    /// <summary>The typed-layer type this column reads as; null when none fits.</summary>
    public ParquetColumnType? ValueType { get; init; }

    /// <summary>Time unit of a TIMESTAMP leaf (INT96 reads as nanoseconds).</summary>
    public ParquetTimeUnit TimeUnit { get; init; }

    /// <summary>Human-readable physical and logical type, for schema dumps.</summary>
    public required string Description { get; init; }

    public bool IsTimestamp { get; init; }
}

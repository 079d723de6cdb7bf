namespace Persona.Parquet;

/// <summary>How <see cref="ParquetFile"/> writes a file. Validated once when writing starts.</summary>
public sealed record ParquetWriteOptions
{
    public static ParquetWriteOptions Default { get; } = new();

    /// <summary>Page codec. SNAPPY is what pyarrow, polars and DuckDB write by default.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>A row group is closed after this many rows.</summary>
    public int RowGroupMaxRows { get; init; } = 1_000_000;

    /// <summary>
    /// A row group is closed once its encoded (compressed) size reaches this many bytes. This bounds the
    /// writer's memory: one row group is held in memory before it is written out.
    /// </summary>
    public long RowGroupMaxBytes { get; init; } = 64L << 20;

    /// <summary>A data page is closed once its uncompressed values reach this many bytes.</summary>
    public int PageSize { get; init; } = 1 << 20;

    /// <summary>Dictionary-encode columns when it pays (few distinct values); read support is always on.</summary>
    public bool UseDictionary { get; init; } = true;

    /// <summary>
    /// Compress data pages on a second thread while the next ones are encoded. The file is byte for byte the same
    /// (row groups end where they would otherwise); it pays with a second core and compressed pages.
    /// </summary>
    public bool CompressInBackground { get; init; }

    /// <summary>Write null counts and min/max statistics per column chunk.</summary>
    public bool WriteStatistics { get; init; } = true;

    /// <summary>The footer's <c>created_by</c>, in the <c>app version x.y.z (build h)</c> form.</summary>
    public string CreatedBy { get; init; } = "Persona.Parquet version 1.0.0 (build local)";

    /// <summary>Extra footer key/value metadata.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    internal void Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Compression))
            problems.Add($"Compression {Compression} is not a known codec");
        if (RowGroupMaxRows < 1)
            problems.Add($"RowGroupMaxRows must be at least 1 (was {RowGroupMaxRows})");
        if (RowGroupMaxBytes < 1024)
            problems.Add($"RowGroupMaxBytes must be at least 1024 (was {RowGroupMaxBytes})");
        if (PageSize is < 1024 or > 256 << 20)
            problems.Add($"PageSize must be between 1 KiB and 256 MiB (was {PageSize})");
        if (string.IsNullOrWhiteSpace(CreatedBy))
            problems.Add("CreatedBy must not be empty");
        if (problems.Count > 0)
            throw new ArgumentException("invalid Parquet write options: " + string.Join("; ", problems));
    }
}

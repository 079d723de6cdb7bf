namespace Persona.Parquet;

/// <summary>The column types the typed layer reads and writes.</summary>
#pragma warning disable CA1720 // Members are named after the Parquet/.NET types they store, on purpose.
public enum ParquetColumnType
{
    /// <summary>UTF-8 string: BYTE_ARRAY annotated STRING / UTF8.</summary>
    String,

    /// <summary>BOOLEAN.</summary>
    Boolean,

    /// <summary>INT32.</summary>
    Int32,

    /// <summary>INT64.</summary>
    Int64,

    /// <summary>FLOAT (32-bit IEEE).</summary>
    Float,

    /// <summary>DOUBLE (64-bit IEEE).</summary>
    Double,

    /// <summary>INT64 TIMESTAMP, UTC instant, in <see cref="ParquetTimeUnit"/> units since the Unix epoch.</summary>
    Timestamp,

    /// <summary>3-level <c>LIST</c> of optional UTF-8 strings.</summary>
    StringList,
}
#pragma warning restore CA1720

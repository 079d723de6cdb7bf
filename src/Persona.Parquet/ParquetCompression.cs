namespace Persona.Parquet;

/// <summary>Page compression codecs this library writes.</summary>
public enum ParquetCompression
{
    Uncompressed,
    Snappy,
    Gzip,
}

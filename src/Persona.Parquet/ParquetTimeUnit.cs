namespace Persona.Parquet;

/// <summary>Unit of a TIMESTAMP column.</summary>
public enum ParquetTimeUnit
{
    Millis,
    Micros,
    Nanos,
}

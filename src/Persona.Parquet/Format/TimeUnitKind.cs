namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>TimeUnit</c> union member (values are the field ids).</summary>
internal enum TimeUnitKind
{
    None = 0,
    Millis = 1,
    Micros = 2,
    Nanos = 3,
}

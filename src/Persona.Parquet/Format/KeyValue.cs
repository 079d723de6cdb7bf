namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>KeyValue</c> footer metadata entry.</summary>
internal sealed record KeyValue(string Key, string? Value);

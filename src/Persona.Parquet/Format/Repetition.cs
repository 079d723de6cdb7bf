namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>FieldRepetitionType</c>.</summary>
internal enum Repetition
{
    Required = 0,
    Optional = 1,
    Repeated = 2,
}

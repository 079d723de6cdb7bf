namespace Persona.Parquet.Writing;

/// <summary>Where a <see cref="PageCompressionJob"/> is.</summary>
internal enum PageCompressionState
{
    Queued,
    Running,
    Done,
}

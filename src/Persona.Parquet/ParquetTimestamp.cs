using Persona.Parquet.Writing;

namespace Persona.Parquet;

/// <summary>
/// A TIMESTAMP value exactly as stored: <paramref name="Raw"/> units since the Unix epoch. Returned by
/// the untyped reader so that nanosecond values and local ("not adjusted to UTC") timestamps survive.
/// </summary>
/// <param name="Raw">Units since 1970-01-01T00:00:00 (UTC, or local wall time when not adjusted).</param>
/// <param name="Unit">The unit of <paramref name="Raw"/>.</param>
/// <param name="IsAdjustedToUtc">True for instants; false for local date-times.</param>
public readonly record struct ParquetTimestamp(long Raw, ParquetTimeUnit Unit, bool IsAdjustedToUtc)
{
    /// <summary>The instant (for local timestamps: the wall time read as UTC); null when outside .NET's range.</summary>
    public DateTimeOffset? ToDateTimeOffset() => TimestampConversion.FromUnits(Raw, Unit);
}

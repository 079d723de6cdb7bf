namespace Persona.Parquet.Writing;

/// <summary>Converts between <see cref="DateTimeOffset"/> instants and TIMESTAMP units since the Unix epoch.</summary>
internal static class TimestampConversion
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    /// <summary>Units since the epoch, floored (so pre-1970 instants with sub-unit ticks round down).</summary>
    public static long ToUnits(DateTimeOffset value, ParquetTimeUnit unit)
    {
        var ticks = value.UtcTicks - EpochTicks;
        return unit switch
        {
            ParquetTimeUnit.Millis => FloorDiv(ticks, TimeSpan.TicksPerMillisecond),
            ParquetTimeUnit.Micros => FloorDiv(ticks, TimeSpan.TicksPerMicrosecond),
            ParquetTimeUnit.Nanos => checked(ticks * TimeSpan.NanosecondsPerTick),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown time unit"),
        };
    }

    /// <summary>The instant for <paramref name="units"/> since the epoch; null when outside the range .NET can represent.</summary>
    public static DateTimeOffset? FromUnits(long units, ParquetTimeUnit unit)
    {
        long ticks;
        try
        {
            ticks = unit switch
            {
                ParquetTimeUnit.Millis => checked(units * TimeSpan.TicksPerMillisecond),
                ParquetTimeUnit.Micros => checked(units * TimeSpan.TicksPerMicrosecond),
                ParquetTimeUnit.Nanos => FloorDiv(units, TimeSpan.NanosecondsPerTick),
                _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown time unit"),
            };
            ticks = checked(ticks + EpochTicks);
        }
        catch (OverflowException)
        {
            return null;
        }

        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            return null;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    private static long FloorDiv(long a, long b)
    {
        var q = Math.DivRem(a, b, out var r);
        return r < 0 ? q - 1 : q;
    }
}

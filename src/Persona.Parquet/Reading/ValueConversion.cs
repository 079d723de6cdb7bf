using Persona.Parquet.Format;

namespace Persona.Parquet.Reading;

/// <summary>Turns stored values into the untyped reader's .NET values, following the leaf's annotations.</summary>
internal static class ValueConversion
{
    private static readonly DateOnly Epoch = new(1970, 1, 1);

    public static object? Convert(FileColumn column, object? raw)
    {
        if (raw is null)
            return null;
        var leaf = column.Leaf!;
        if (column.IsTimestamp && raw is long units)
            return new ParquetTimestamp(units, column.TimeUnit, leaf.Type == PhysicalType.Int96 || (leaf.LogicalType?.IsAdjustedToUtc ?? true));
        var logical = leaf.LogicalType;
        var unsigned = logical is { Kind: LogicalKind.Integer, IsSigned: false }
            || leaf.ConvertedType is ConvertedType.UInt8 or ConvertedType.UInt16 or ConvertedType.UInt32 or ConvertedType.UInt64;
        return raw switch
        {
            int i when unsigned => (uint)i,
            long l when unsigned => (ulong)l,
            int days when logical?.Kind == LogicalKind.Date || leaf.ConvertedType == ConvertedType.Date => DateOnlyOrRaw(days),
            _ => raw,
        };
    }

    /// <summary>A feature the untyped reader cannot represent faithfully, or null.</summary>
    public static string? Unsupported(FileColumn column)
    {
        if (column.Unsupported is not null)
            return column.Unsupported;
        var leaf = column.Leaf!;
        if (leaf.LogicalType?.Kind == LogicalKind.Decimal || leaf.ConvertedType == ConvertedType.Decimal)
            return "DECIMAL columns are not supported";
        if (leaf.ConvertedType == ConvertedType.Interval)
            return "INTERVAL columns are not supported";
        return null;
    }

    private static object DateOnlyOrRaw(int days) =>
        days is >= -719162 and <= 2932896 ? Epoch.AddDays(days) : days;
}

using Persona.Parquet.Thrift;

namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>Statistics</c>. Only <c>null_count</c>, <c>min_value</c> and <c>max_value</c> are written.</summary>
internal sealed class Statistics
{
    public long? NullCount { get; set; }

    public long? DistinctCount { get; set; }

    public byte[]? MaxValue { get; set; }

    public byte[]? MinValue { get; set; }

    /// <summary>Writes the members; the caller opens and closes the struct.</summary>
    public void Write(CompactWriter w)
    {
        if (NullCount is { } nulls)
            w.FieldI64(3, nulls);
        if (MaxValue is { } max)
            w.FieldBinary(5, max);
        if (MinValue is { } min)
            w.FieldBinary(6, min);
    }

    public static Statistics Read(ref CompactReader r)
    {
        var s = new Statistics();
        short last = 0;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                return s;
            switch (id)
            {
                case 3 when type == CompactType.I64:
                    s.NullCount = r.ReadI64();
                    break;
                case 4 when type == CompactType.I64:
                    s.DistinctCount = r.ReadI64();
                    break;
                case 5 when type == CompactType.Binary:
                    s.MaxValue = r.ReadBinary().ToArray();
                    break;
                case 6 when type == CompactType.Binary:
                    s.MinValue = r.ReadBinary().ToArray();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
    }
}

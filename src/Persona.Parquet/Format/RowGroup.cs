using Persona.Parquet.Thrift;

namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>RowGroup</c>.</summary>
internal sealed class RowGroup
{
    public List<ColumnChunk> Columns { get; set; } = [];

    public long TotalByteSize { get; set; }

    public long NumRows { get; set; }

    public long? FileOffset { get; set; }

    public long? TotalCompressedSize { get; set; }

    public short? Ordinal { get; set; }

    public void Write(CompactWriter w)
    {
        w.FieldList(1, CompactType.Struct, Columns.Count);
        foreach (var c in Columns)
        {
            w.BeginStruct();
            c.Write(w);
            w.EndStruct();
        }

        w.FieldI64(2, TotalByteSize);
        w.FieldI64(3, NumRows);
        if (FileOffset is { } offset)
            w.FieldI64(5, offset);
        if (TotalCompressedSize is { } compressed)
            w.FieldI64(6, compressed);
        if (Ordinal is { } ordinal)
            w.FieldI16(7, ordinal);
    }

    public static RowGroup Read(ref CompactReader r)
    {
        var g = new RowGroup();
        short last = 0;
        var seen = 0;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                break;
            switch (id)
            {
                case 1 when type == CompactType.List:
                {
                    var count = r.ReadListHeader(out _);
                    for (var i = 0; i < count; i++)
                        g.Columns.Add(ColumnChunk.Read(ref r));
                    seen |= 1;
                    break;
                }

                case 2 when type == CompactType.I64:
                    g.TotalByteSize = r.ReadI64();
                    break;
                case 3 when type == CompactType.I64:
                    g.NumRows = r.ReadI64();
                    seen |= 2;
                    break;
                case 5 when type == CompactType.I64:
                    g.FileOffset = r.ReadI64();
                    break;
                case 6 when type == CompactType.I64:
                    g.TotalCompressedSize = r.ReadI64();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        if (seen != 3)
            throw r.Error("row group lacks its columns or row count");
        if (g.NumRows < 0)
            throw r.Error($"negative row count {g.NumRows}");
        return g;
    }
}

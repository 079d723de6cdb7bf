using Persona.Parquet.Thrift;

namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>ColumnMetaData</c>.</summary>
internal sealed class ColumnMetaData
{
    public PhysicalType Type { get; set; }

    public List<Encoding> Encodings { get; set; } = [];

    public List<string> PathInSchema { get; set; } = [];

    public CompressionCodec Codec { get; set; }

    public long NumValues { get; set; }

    public long TotalUncompressedSize { get; set; }

    public long TotalCompressedSize { get; set; }

    public long DataPageOffset { get; set; }

    public long? DictionaryPageOffset { get; set; }

    public Statistics? Statistics { get; set; }

    public void Write(CompactWriter w)
    {
        w.FieldI32(1, (int)Type);
        w.FieldList(2, CompactType.I32, Encodings.Count);
        foreach (var e in Encodings)
            w.ElementI32((int)e);
        w.FieldList(3, CompactType.Binary, PathInSchema.Count);
        foreach (var p in PathInSchema)
            w.ElementString(p);
        w.FieldI32(4, (int)Codec);
        w.FieldI64(5, NumValues);
        w.FieldI64(6, TotalUncompressedSize);
        w.FieldI64(7, TotalCompressedSize);
        w.FieldI64(9, DataPageOffset);
        if (DictionaryPageOffset is { } dictionary)
            w.FieldI64(11, dictionary);
        if (Statistics is { } stats)
        {
            w.FieldStruct(12);
            stats.Write(w);
            w.EndStruct();
        }
    }

    public static ColumnMetaData Read(ref CompactReader r)
    {
        var m = new ColumnMetaData();
        short last = 0;
        var seen = 0;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                break;
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    m.Type = (PhysicalType)r.ReadI32();
                    seen |= 1;
                    break;
                case 2 when type == CompactType.List:
                {
                    var count = r.ReadListHeader(out _);
                    for (var i = 0; i < count; i++)
                        m.Encodings.Add((Encoding)r.ReadI32());
                    break;
                }

                case 3 when type == CompactType.List:
                {
                    var count = r.ReadListHeader(out _);
                    for (var i = 0; i < count; i++)
                        m.PathInSchema.Add(r.ReadString());
                    seen |= 2;
                    break;
                }

                case 4 when type == CompactType.I32:
                    m.Codec = (CompressionCodec)r.ReadI32();
                    break;
                case 5 when type == CompactType.I64:
                    m.NumValues = r.ReadI64();
                    seen |= 4;
                    break;
                case 6 when type == CompactType.I64:
                    m.TotalUncompressedSize = r.ReadI64();
                    break;
                case 7 when type == CompactType.I64:
                    m.TotalCompressedSize = r.ReadI64();
                    seen |= 8;
                    break;
                case 9 when type == CompactType.I64:
                    m.DataPageOffset = r.ReadI64();
                    seen |= 16;
                    break;
                case 11 when type == CompactType.I64:
                    m.DictionaryPageOffset = r.ReadI64();
                    break;
                case 12 when type == CompactType.Struct:
                    m.Statistics = Statistics.Read(ref r);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        if (seen != 31)
            throw r.Error("column metadata lacks a required field (type, path, num_values, size or data page offset)");
        return m;
    }
}

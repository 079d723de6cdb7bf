using Persona.Parquet.Thrift;

namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>DataPageHeader</c> (V1 data page).</summary>
internal sealed class DataPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; }

    public Encoding DefinitionLevelEncoding { get; set; } = Encoding.Rle;

    public Encoding RepetitionLevelEncoding { get; set; } = Encoding.Rle;

    public Statistics? Statistics { get; set; }

    public void Write(CompactWriter w)
    {
        w.FieldI32(1, NumValues);
        w.FieldI32(2, (int)Encoding);
        w.FieldI32(3, (int)DefinitionLevelEncoding);
        w.FieldI32(4, (int)RepetitionLevelEncoding);
        if (Statistics is { } stats)
        {
            w.FieldStruct(5);
            stats.Write(w);
            w.EndStruct();
        }
    }

    public static DataPageHeader Read(ref CompactReader r)
    {
        var h = new DataPageHeader();
        short last = 0;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                return h;
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    h.NumValues = r.ReadI32();
                    break;
                case 2 when type == CompactType.I32:
                    h.Encoding = (Encoding)r.ReadI32();
                    break;
                case 3 when type == CompactType.I32:
                    h.DefinitionLevelEncoding = (Encoding)r.ReadI32();
                    break;
                case 4 when type == CompactType.I32:
                    h.RepetitionLevelEncoding = (Encoding)r.ReadI32();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
    }
}

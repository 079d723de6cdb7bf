using Persona.Parquet.Thrift;

namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>ColumnChunk</c>; the metadata is required here (external chunks are not supported).</summary>
internal sealed class ColumnChunk
{
    public ColumnMetaData? MetaData { get; set; }

    public string? FilePath { get; set; }

    public void Write(CompactWriter w)
    {
        w.FieldI64(2, 0);
        w.FieldStruct(3);
        MetaData!.Write(w);
        w.EndStruct();
    }

    public static ColumnChunk Read(ref CompactReader r)
    {
        var c = new ColumnChunk();
        short last = 0;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                return c;
            if (id == 1 && type == CompactType.Binary)
                c.FilePath = r.ReadString();
            else if (id == 3 && type == CompactType.Struct)
                c.MetaData = ColumnMetaData.Read(ref r);
            else
                r.Skip(type);
        }
    }
}

using Persona.Parquet.Thrift;

namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>DictionaryPageHeader</c>.</summary>
internal sealed class DictionaryPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; }

    public void Write(CompactWriter w)
    {
        w.FieldI32(1, NumValues);
        w.FieldI32(2, (int)Encoding);
    }

    public static DictionaryPageHeader Read(ref CompactReader r)
    {
        var h = new DictionaryPageHeader();
        short last = 0;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                return h;
            if (id == 1 && type == CompactType.I32)
                h.NumValues = r.ReadI32();
            else if (id == 2 && type == CompactType.I32)
                h.Encoding = (Encoding)r.ReadI32();
            else
                r.Skip(type);
        }
    }
}

using Persona.Parquet.Thrift;

namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>PageHeader</c>. Sizes exclude the header itself.</summary>
internal sealed class PageHeader
{
    public PageType Type { get; set; }

    public int UncompressedPageSize { get; set; }

    public int CompressedPageSize { get; set; }

    public DataPageHeader? DataPageHeader { get; set; }

    public DictionaryPageHeader? DictionaryPageHeader { get; set; }

    public DataPageHeaderV2? DataPageHeaderV2 { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.FieldI32(1, (int)Type);
        w.FieldI32(2, UncompressedPageSize);
        w.FieldI32(3, CompressedPageSize);
        if (DataPageHeader is { } data)
        {
            w.FieldStruct(5);
            data.Write(w);
            w.EndStruct();
        }

        if (DictionaryPageHeader is { } dictionary)
        {
            w.FieldStruct(7);
            dictionary.Write(w);
            w.EndStruct();
        }

        w.EndStruct();
    }

    public static PageHeader Read(ref CompactReader r)
    {
        var h = new PageHeader();
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
                    h.Type = (PageType)r.ReadI32();
                    seen |= 1;
                    break;
                case 2 when type == CompactType.I32:
                    h.UncompressedPageSize = r.ReadI32();
                    seen |= 2;
                    break;
                case 3 when type == CompactType.I32:
                    h.CompressedPageSize = r.ReadI32();
                    seen |= 4;
                    break;
                case 5 when type == CompactType.Struct:
                    h.DataPageHeader = DataPageHeader.Read(ref r);
                    break;
                case 7 when type == CompactType.Struct:
                    h.DictionaryPageHeader = DictionaryPageHeader.Read(ref r);
                    break;
                case 8 when type == CompactType.Struct:
                    h.DataPageHeaderV2 = DataPageHeaderV2.Read(ref r);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        if (seen != 7)
            throw r.Error("page header lacks its type or sizes");
        if (h.UncompressedPageSize < 0 || h.CompressedPageSize < 0)
            throw r.Error($"negative page size ({h.UncompressedPageSize}, {h.CompressedPageSize})");
        return h;
    }
}

using Persona.Parquet.Thrift;

namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>FileMetaData</c>: the footer.</summary>
internal sealed class FileMetaData
{
    public int Version { get; set; } = 1;

    public List<SchemaElement> Schema { get; set; } = [];

    public long NumRows { get; set; }

    public List<RowGroup> RowGroups { get; set; } = [];

    public List<KeyValue> KeyValueMetadata { get; set; } = [];

    public string? CreatedBy { get; set; }

    /// <summary>Number of leaf columns to declare TypeDefinedOrder for (written when min/max statistics are).</summary>
    public int ColumnOrders { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.FieldI32(1, Version);
        w.FieldList(2, CompactType.Struct, Schema.Count);
        foreach (var e in Schema)
            e.Write(w);
        w.FieldI64(3, NumRows);
        w.FieldList(4, CompactType.Struct, RowGroups.Count);
        foreach (var g in RowGroups)
        {
            w.BeginStruct();
            g.Write(w);
            w.EndStruct();
        }

        if (KeyValueMetadata.Count > 0)
        {
            w.FieldList(5, CompactType.Struct, KeyValueMetadata.Count);
            foreach (var kv in KeyValueMetadata)
            {
                w.BeginStruct();
                w.FieldString(1, kv.Key);
                if (kv.Value is not null)
                    w.FieldString(2, kv.Value);
                w.EndStruct();
            }
        }

        if (CreatedBy is not null)
            w.FieldString(6, CreatedBy);
        if (ColumnOrders > 0)
        {
            w.FieldList(7, CompactType.Struct, ColumnOrders);
            for (var i = 0; i < ColumnOrders; i++)
            {
                w.BeginStruct();
                w.FieldStruct(1);
                w.EndStruct();
                w.EndStruct();
            }
        }

        w.EndStruct();
    }

    public static FileMetaData Read(ref CompactReader r)
    {
        var m = new FileMetaData();
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
                    m.Version = r.ReadI32();
                    break;
                case 2 when type == CompactType.List:
                {
                    var count = r.ReadListHeader(out _);
                    for (var i = 0; i < count; i++)
                        m.Schema.Add(SchemaElement.Read(ref r));
                    seen |= 1;
                    break;
                }

                case 3 when type == CompactType.I64:
                    m.NumRows = r.ReadI64();
                    seen |= 2;
                    break;
                case 4 when type == CompactType.List:
                {
                    var count = r.ReadListHeader(out _);
                    for (var i = 0; i < count; i++)
                        m.RowGroups.Add(RowGroup.Read(ref r));
                    seen |= 4;
                    break;
                }

                case 5 when type == CompactType.List:
                {
                    var count = r.ReadListHeader(out _);
                    for (var i = 0; i < count; i++)
                        m.KeyValueMetadata.Add(ReadKeyValue(ref r));
                    break;
                }

                case 6 when type == CompactType.Binary:
                    m.CreatedBy = r.ReadString();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        if (seen != 7)
            throw r.Error("file metadata lacks its schema, row count or row groups");
        return m;
    }

    private static KeyValue ReadKeyValue(ref CompactReader r)
    {
        string? key = null;
        string? value = null;
        short last = 0;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                break;
            if (id == 1 && type == CompactType.Binary)
                key = r.ReadString();
            else if (id == 2 && type == CompactType.Binary)
                value = r.ReadString();
            else
                r.Skip(type);
        }

        return new KeyValue(key ?? "", value);
    }
}

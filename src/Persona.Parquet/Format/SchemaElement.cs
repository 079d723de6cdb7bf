using Persona.Parquet.Thrift;

namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>SchemaElement</c>: one node of the depth-first schema list.</summary>
internal sealed class SchemaElement
{
    public PhysicalType? Type { get; set; }

    public int? TypeLength { get; set; }

    public Repetition? Repetition { get; set; }

    public string Name { get; set; } = "";

    public int? NumChildren { get; set; }

    public ConvertedType? ConvertedType { get; set; }

    public int? Scale { get; set; }

    public int? Precision { get; set; }

    public LogicalType? LogicalType { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        if (Type is { } type)
            w.FieldI32(1, (int)type);
        if (TypeLength is { } length)
            w.FieldI32(2, length);
        if (Repetition is { } repetition)
            w.FieldI32(3, (int)repetition);
        w.FieldString(4, Name);
        if (NumChildren is { } children)
            w.FieldI32(5, children);
        if (ConvertedType is { } converted)
            w.FieldI32(6, (int)converted);
        if (LogicalType is { } logical)
        {
            w.FieldStruct(10);
            logical.WriteMembers(w);
            w.EndStruct();
        }

        w.EndStruct();
    }

    public static SchemaElement Read(ref CompactReader r)
    {
        var e = new SchemaElement();
        short last = 0;
        var hasName = false;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                break;
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    e.Type = (PhysicalType)r.ReadI32();
                    break;
                case 2 when type == CompactType.I32:
                    e.TypeLength = r.ReadI32();
                    break;
                case 3 when type == CompactType.I32:
                    e.Repetition = (Repetition)r.ReadI32();
                    break;
                case 4 when type == CompactType.Binary:
                    e.Name = r.ReadString();
                    hasName = true;
                    break;
                case 5 when type == CompactType.I32:
                    e.NumChildren = r.ReadI32();
                    break;
                case 6 when type == CompactType.I32:
                    e.ConvertedType = (ConvertedType)r.ReadI32();
                    break;
                case 7 when type == CompactType.I32:
                    e.Scale = r.ReadI32();
                    break;
                case 8 when type == CompactType.I32:
                    e.Precision = r.ReadI32();
                    break;
                case 10 when type == CompactType.Struct:
                    e.LogicalType = LogicalType.Read(ref r);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        if (!hasName)
            throw r.Error("schema element without a name");
        return e;
    }
}

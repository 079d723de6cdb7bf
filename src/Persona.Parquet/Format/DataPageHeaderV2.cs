using Persona.Parquet.Thrift;

namespace Persona.Parquet.Format;

/// <summary>parquet.thrift <c>DataPageHeaderV2</c> (read only).</summary>
internal sealed class DataPageHeaderV2
{
    public int NumValues { get; set; }

    public int NumNulls { get; set; }

    public int NumRows { get; set; }

    public Encoding Encoding { get; set; }

    public int DefinitionLevelsByteLength { get; set; }

    public int RepetitionLevelsByteLength { get; set; }

    public bool IsCompressed { get; set; } = true;

    public static DataPageHeaderV2 Read(ref CompactReader r)
    {
        var h = new DataPageHeaderV2();
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
                    h.NumNulls = r.ReadI32();
                    break;
                case 3 when type == CompactType.I32:
                    h.NumRows = r.ReadI32();
                    break;
                case 4 when type == CompactType.I32:
                    h.Encoding = (Encoding)r.ReadI32();
                    break;
                case 5 when type == CompactType.I32:
                    h.DefinitionLevelsByteLength = r.ReadI32();
                    break;
                case 6 when type == CompactType.I32:
                    h.RepetitionLevelsByteLength = r.ReadI32();
                    break;
                case 7 when type is CompactType.BoolTrue or CompactType.BoolFalse:
                    h.IsCompressed = type == CompactType.BoolTrue;
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
    }
}

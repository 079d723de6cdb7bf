using Persona.Parquet.Thrift;

namespace Persona.Parquet.Format;

/// <summary>The parquet.thrift <c>LogicalType</c> union, flattened to the members this codec uses.</summary>
internal sealed class LogicalType
{
    public LogicalKind Kind { get; set; }

    public bool IsAdjustedToUtc { get; set; }

    public TimeUnitKind Unit { get; set; }

    public int BitWidth { get; set; }

    public bool IsSigned { get; set; } = true;

    public int Scale { get; set; }

    public int Precision { get; set; }

    public static LogicalType String() => new() { Kind = LogicalKind.String };

    public static LogicalType List() => new() { Kind = LogicalKind.List };

    public static LogicalType Timestamp(bool utc, TimeUnitKind unit) => new() { Kind = LogicalKind.Timestamp, IsAdjustedToUtc = utc, Unit = unit };

    public static LogicalType Integer(int bitWidth, bool signed) => new() { Kind = LogicalKind.Integer, BitWidth = bitWidth, IsSigned = signed };

    /// <summary>Writes the union member; the caller has opened the LogicalType struct.</summary>
    public void WriteMembers(CompactWriter w)
    {
        switch (Kind)
        {
            case LogicalKind.Timestamp:
                w.FieldStruct(8);
                w.FieldBool(1, IsAdjustedToUtc);
                w.FieldStruct(2);
                w.FieldStruct((short)Unit);
                w.EndStruct();
                w.EndStruct();
                w.EndStruct();
                break;
            case LogicalKind.Integer:
                w.FieldStruct(10);
                w.FieldI8(1, (sbyte)BitWidth);
                w.FieldBool(2, IsSigned);
                w.EndStruct();
                break;
            case LogicalKind.String or LogicalKind.List or LogicalKind.Date or LogicalKind.Json:
                w.FieldStruct((short)Kind);
                w.EndStruct();
                break;
            default:
                throw new InvalidOperationException($"writing logical type {Kind} is not supported");
        }
    }

    public static LogicalType Read(ref CompactReader r)
    {
        var result = new LogicalType();
        short last = 0;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                return result;
            if (type != CompactType.Struct)
            {
                r.Skip(type);
                continue;
            }

            result.Kind = id switch
            {
                >= 1 and <= 8 or >= 10 and <= 15 => (LogicalKind)id,
                _ => LogicalKind.Other,
            };
            switch (id)
            {
                case 5:
                    ReadDecimal(ref r, result);
                    break;
                case 7:
                case 8:
                    ReadTime(ref r, result);
                    break;
                case 10:
                    ReadInteger(ref r, result);
                    break;
                default:
                    r.Skip(CompactType.Struct);
                    break;
            }
        }
    }

    private static void ReadDecimal(ref CompactReader r, LogicalType t)
    {
        short last = 0;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                return;
            if (id == 1 && type == CompactType.I32)
                t.Scale = r.ReadI32();
            else if (id == 2 && type == CompactType.I32)
                t.Precision = r.ReadI32();
            else
                r.Skip(type);
        }
    }

    private static void ReadTime(ref CompactReader r, LogicalType t)
    {
        short last = 0;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                return;
            if (id == 1 && type is CompactType.BoolTrue or CompactType.BoolFalse)
            {
                t.IsAdjustedToUtc = type == CompactType.BoolTrue;
            }
            else if (id == 2 && type == CompactType.Struct)
            {
                short unitLast = 0;
                while (true)
                {
                    var unitType = r.ReadFieldHeader(ref unitLast, out var unitId);
                    if (unitType == CompactType.Stop)
                        break;
                    if (unitId is >= 1 and <= 3)
                        t.Unit = (TimeUnitKind)unitId;
                    r.Skip(unitType);
                }
            }
            else
            {
                r.Skip(type);
            }
        }
    }

    private static void ReadInteger(ref CompactReader r, LogicalType t)
    {
        short last = 0;
        while (true)
        {
            var type = r.ReadFieldHeader(ref last, out var id);
            if (type == CompactType.Stop)
                return;
            if (id == 1 && type == CompactType.I8)
                t.BitWidth = r.ReadI8();
            else if (id == 1 && type == CompactType.I32)
                t.BitWidth = r.ReadI32();
            else if (id == 2 && type is CompactType.BoolTrue or CompactType.BoolFalse)
                t.IsSigned = type == CompactType.BoolTrue;
            else
                r.Skip(type);
        }
    }
}

using Persona.Parquet.Format;

namespace Persona.Parquet.Reading;

/// <summary>Builds the top-level columns from the depth-first schema list.</summary>
internal static class SchemaReader
{
    public static List<FileColumn> Read(List<SchemaElement> schema)
    {
        if (schema.Count == 0)
            throw new ParquetFormatException("the schema is empty", (long?)null);
        var columns = new List<FileColumn>();
        var index = 1;
        var leaf = 0;
        var rootChildren = schema[0].NumChildren ?? 0;
        if (rootChildren < 0 || rootChildren > schema.Count)
            throw new ParquetFormatException($"the schema root claims {rootChildren} children", (long?)null);
        for (var i = 0; i < rootChildren; i++)
        {
            if (index >= schema.Count)
                throw new ParquetFormatException("the schema ends before its root's children do", (long?)null);
            var start = index;
            var leavesBefore = leaf;
            SkipSubtree(schema, ref index, ref leaf, 0);
            columns.Add(Describe(schema, start, index - start, leavesBefore, leaf - leavesBefore));
        }

        if (index != schema.Count)
            throw new ParquetFormatException($"the schema has {schema.Count - index} elements outside the root", (long?)null);
        return columns;
    }

    public static int CountLeaves(List<SchemaElement> schema) => schema.Count(e => (e.NumChildren ?? 0) == 0 && e != schema[0]);

    private static void SkipSubtree(List<SchemaElement> schema, ref int index, ref int leaf, int depth)
    {
        if (depth > 32)
            throw new ParquetFormatException("schema nested too deeply", (long?)null);
        if (index >= schema.Count)
            throw new ParquetFormatException("the schema ends inside a group", (long?)null);
        var element = schema[index++];
        var children = element.NumChildren ?? 0;
        if (children <= 0)
        {
            if (element.Type is null)
                throw new ParquetFormatException($"schema element '{element.Name}' has neither a type nor children", (long?)null);
            leaf++;
            return;
        }

        for (var c = 0; c < children; c++)
            SkipSubtree(schema, ref index, ref leaf, depth + 1);
    }

    private static FileColumn Describe(List<SchemaElement> schema, int start, int count, int leafIndex, int leaves)
    {
        var top = schema[start];
        var nullable = top.Repetition != Repetition.Required;
        if (count == 1)
        {
            if (top.Repetition == Repetition.Repeated)
                return Leaf(top, top, leafIndex, ColumnShape.List, maxDef: 1, maxRep: 1, nullable: false, listPresentDef: 0);
            return Leaf(top, top, leafIndex, ColumnShape.Flat, maxDef: nullable ? 1 : 0, maxRep: 0, nullable, 0);
        }

        var isList = top.ConvertedType == ConvertedType.List || top.LogicalType?.Kind == LogicalKind.List;
        if (isList && top.NumChildren == 1 && leaves == 1)
        {
            var repeated = schema[start + 1];
            var present = nullable ? 1 : 0;
            if (repeated.Repetition == Repetition.Repeated && count == 2 && repeated.Type is not null)
            {
                // Legacy 2-level list: the repeated field is the element itself (required elements).
                return Leaf(top, repeated, leafIndex, ColumnShape.List, present + 1, 1, nullable, present);
            }

            if (repeated.Repetition == Repetition.Repeated && count == 3 && repeated.NumChildren == 1)
            {
                var element = schema[start + 2];
                if (element.Type is not null && element.Repetition != Repetition.Repeated)
                {
                    var maxDef = present + 1 + (element.Repetition == Repetition.Optional ? 1 : 0);
                    return Leaf(top, element, leafIndex, ColumnShape.List, maxDef, 1, nullable, present);
                }
            }
        }

        var what = top.ConvertedType is ConvertedType.Map or ConvertedType.MapKeyValue || top.LogicalType?.Kind == LogicalKind.Map
            ? "MAP"
            : isList ? "LIST of a nested type" : "nested struct";
        return new FileColumn
        {
            Name = top.Name,
            Shape = ColumnShape.Unsupported,
            Unsupported = what + " columns are not supported",
            LeafIndex = leafIndex,
            Nullable = nullable,
            Description = what,
        };
    }

    private static FileColumn Leaf(SchemaElement top, SchemaElement leaf, int leafIndex, ColumnShape shape, int maxDef, int maxRep, bool nullable, int listPresentDef)
    {
        var (valueType, unit, isTimestamp, unsupported) = Classify(leaf);
        if (shape == ColumnShape.List && valueType is not null)
            valueType = valueType == ParquetColumnType.String ? ParquetColumnType.StringList : valueType;
        return new FileColumn
        {
            Name = top.Name,
            Shape = unsupported is null ? shape : ColumnShape.Unsupported,
            Unsupported = unsupported,
            Leaf = leaf,
            LeafIndex = leafIndex,
            MaxDef = maxDef,
            MaxRep = maxRep,
            Nullable = nullable,
            ListPresentDef = listPresentDef,
            ValueType = valueType,
            TimeUnit = unit,
            IsTimestamp = isTimestamp,
            Description = (shape == ColumnShape.List ? "LIST<" : "") + DescribeLeaf(leaf) + (shape == ColumnShape.List ? ">" : ""),
        };
    }

    private static (ParquetColumnType? Type, ParquetTimeUnit Unit, bool Timestamp, string? Unsupported) Classify(SchemaElement leaf)
    {
        var logical = leaf.LogicalType;
        switch (leaf.Type)
        {
            case PhysicalType.Boolean:
                return (ParquetColumnType.Boolean, default, false, null);
            case PhysicalType.Int32:
                return (ParquetColumnType.Int32, default, false, null);
            case PhysicalType.Int64:
                if (logical?.Kind == LogicalKind.Timestamp)
                {
                    var unit = logical.Unit switch
                    {
                        TimeUnitKind.Millis => ParquetTimeUnit.Millis,
                        TimeUnitKind.Nanos => ParquetTimeUnit.Nanos,
                        _ => ParquetTimeUnit.Micros,
                    };
                    return (ParquetColumnType.Timestamp, unit, true, null);
                }

                if (leaf.ConvertedType == ConvertedType.TimestampMillis)
                    return (ParquetColumnType.Timestamp, ParquetTimeUnit.Millis, true, null);
                if (leaf.ConvertedType == ConvertedType.TimestampMicros)
                    return (ParquetColumnType.Timestamp, ParquetTimeUnit.Micros, true, null);
                return (ParquetColumnType.Int64, default, false, null);
            case PhysicalType.Int96:
                return (ParquetColumnType.Timestamp, ParquetTimeUnit.Nanos, true, null);
            case PhysicalType.Float:
                return (ParquetColumnType.Float, default, false, null);
            case PhysicalType.Double:
                return (ParquetColumnType.Double, default, false, null);
            case PhysicalType.ByteArray:
                return (ParquetColumnType.String, default, false, null);
            case PhysicalType.FixedLenByteArray:
                if (leaf.TypeLength is null or < 0)
                    return (null, default, false, "FIXED_LEN_BYTE_ARRAY without a valid type_length");
                return (null, default, false, null);
            default:
                return (null, default, false, $"physical type {(int?)leaf.Type} is unknown");
        }
    }

    private static string DescribeLeaf(SchemaElement leaf)
    {
        var physical = leaf.Type switch
        {
            PhysicalType.Boolean => "BOOLEAN",
            PhysicalType.Int32 => "INT32",
            PhysicalType.Int64 => "INT64",
            PhysicalType.Int96 => "INT96",
            PhysicalType.Float => "FLOAT",
            PhysicalType.Double => "DOUBLE",
            PhysicalType.ByteArray => "BYTE_ARRAY",
            PhysicalType.FixedLenByteArray => $"FIXED_LEN_BYTE_ARRAY({leaf.TypeLength})",
            _ => "?",
        };
        var logical = leaf.LogicalType;
        var annotation = logical?.Kind switch
        {
            LogicalKind.String => "STRING",
            LogicalKind.Timestamp => $"TIMESTAMP({(logical.IsAdjustedToUtc ? "UTC" : "local")}, {logical.Unit.ToString().ToUpperInvariant()})",
            LogicalKind.Integer => $"INTEGER({logical.BitWidth}, {(logical.IsSigned ? "signed" : "unsigned")})",
            LogicalKind.Decimal => $"DECIMAL({logical.Precision}, {logical.Scale})",
            null or LogicalKind.None => leaf.ConvertedType?.ToString().ToUpperInvariant(),
            _ => logical.Kind.ToString().ToUpperInvariant(),
        };
        return annotation is null ? physical : $"{physical} {annotation}";
    }
}

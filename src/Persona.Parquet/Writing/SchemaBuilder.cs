using Persona.Parquet.Format;

namespace Persona.Parquet.Writing;

/// <summary>Turns typed columns into the depth-first schema list, with both logical and converted annotations.</summary>
internal static class SchemaBuilder
{
    public static List<SchemaElement> Build(IEnumerable<ParquetColumn> columns)
    {
        var list = new List<SchemaElement> { new() { Name = "schema" } };
        var topLevel = 0;
        foreach (var column in columns)
        {
            topLevel++;
            var repetition = column.Nullable ? Repetition.Optional : Repetition.Required;
            if (column.Type == ParquetColumnType.StringList)
            {
                list.Add(new SchemaElement
                {
                    Name = column.Name,
                    Repetition = repetition,
                    NumChildren = 1,
                    ConvertedType = ConvertedType.List,
                    LogicalType = LogicalType.List(),
                });
                list.Add(new SchemaElement { Name = "list", Repetition = Repetition.Repeated, NumChildren = 1 });
                list.Add(StringLeaf("element", Repetition.Optional));
                continue;
            }

            list.Add(column.Type switch
            {
                ParquetColumnType.String => StringLeaf(column.Name, repetition),
                ParquetColumnType.Timestamp => new SchemaElement
                {
                    Name = column.Name,
                    Repetition = repetition,
                    Type = PhysicalType.Int64,
                    ConvertedType = column.TimeUnit switch
                    {
                        ParquetTimeUnit.Millis => ConvertedType.TimestampMillis,
                        ParquetTimeUnit.Micros => ConvertedType.TimestampMicros,
                        _ => null,
                    },
                    LogicalType = LogicalType.Timestamp(true, column.TimeUnit switch
                    {
                        ParquetTimeUnit.Millis => TimeUnitKind.Millis,
                        ParquetTimeUnit.Micros => TimeUnitKind.Micros,
                        _ => TimeUnitKind.Nanos,
                    }),
                },
                _ => new SchemaElement
                {
                    Name = column.Name,
                    Repetition = repetition,
                    Type = ColumnChunkWriter.PhysicalTypeOf(column.Type),
                },
            });
        }

        list[0].NumChildren = topLevel;
        return list;
    }

    private static SchemaElement StringLeaf(string name, Repetition repetition) => new()
    {
        Name = name,
        Repetition = repetition,
        Type = PhysicalType.ByteArray,
        ConvertedType = ConvertedType.Utf8,
        LogicalType = LogicalType.String(),
    };
}

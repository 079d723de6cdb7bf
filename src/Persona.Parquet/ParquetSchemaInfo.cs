using System.Text;

namespace Persona.Parquet;

/// <summary>A file's schema and size, for display (<see cref="ParquetFile.ReadSchemaAsync(string, CancellationToken)"/>).</summary>
public sealed record ParquetSchemaInfo(long RowCount, int RowGroupCount, string? CreatedBy, IReadOnlyList<ParquetColumnInfo> Columns)
{
    /// <summary>A plain-text table: one line per column, then the row and row-group counts.</summary>
    public override string ToString()
    {
        var width = Columns.Count == 0 ? 4 : Math.Max(4, Columns.Max(c => c.Name.Length));
        var text = new StringBuilder();
        foreach (var c in Columns)
        {
            text.Append(c.Name.PadRight(width)).Append("  ").Append(c.StorageType)
                .Append(c.Nullable ? " (nullable)" : "");
            if (c.Unsupported is not null)
                text.Append("  [unsupported: ").Append(c.Unsupported).Append(']');
            text.Append('\n');
        }

        text.Append(RowCount).Append(" rows in ").Append(RowGroupCount).Append(RowGroupCount == 1 ? " row group" : " row groups");
        if (CreatedBy is not null)
            text.Append(", written by ").Append(CreatedBy);
        return text.Append('\n').ToString();
    }
}

using System.Text;

namespace Persona.Core.Display;

/// <summary>
/// A row set shown as a table: column names and rows of values, at most <see cref="MaxRows"/> of them
/// rendered, followed by "(N more rows)" when the set is longer. Values are formatted with the invariant
/// culture and HTML-escaped.
/// </summary>
[TypeFormatterSource(typeof(HtmlDisplayFormatterSource), PreferredMimeTypes = [DisplayMimeTypes.Html, DisplayMimeTypes.PlainText])]
public sealed class HtmlTable : IHtmlDisplayable
{
    /// <summary>Rows shown when no limit is given.</summary>
    public const int DefaultMaxRows = 20;

    private const int PlainTextCellWidth = 40;

    /// <summary>Builds a table; only the first <paramref name="maxRows"/> rows are kept, the rest are counted.</summary>
    /// <exception cref="ArgumentException">A row has a different number of cells than there are columns.</exception>
    public HtmlTable(IEnumerable<string> columns, IEnumerable<IEnumerable<object?>> rows, int maxRows = DefaultMaxRows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);

        Columns = [.. columns];
        MaxRows = maxRows;
        Caption = caption;
        var kept = new List<IReadOnlyList<string>>(Math.Min(maxRows, 256));
        var total = 0;
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            if (total < maxRows)
            {
                string[] cells = [.. row.Select(DisplayValueText.Format)];
                if (cells.Length != Columns.Count)
                    throw new ArgumentException($"row {total} has {cells.Length} cells but the table has {Columns.Count} columns", nameof(rows));
                kept.Add(cells);
            }

            total++;
        }

        Rows = kept;
        TotalRowCount = total;
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rendered rows, already formatted as text (at most <see cref="MaxRows"/>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>How many rows the source had, including those not kept.</summary>
    public int TotalRowCount { get; }

    public int MaxRows { get; }

    public string? Caption { get; }

    /// <summary>Rows counted but not rendered.</summary>
    public int HiddenRowCount => TotalRowCount - Rows.Count;

    /// <summary>A table with one column per selector, one row per item.</summary>
    public static HtmlTable Create<T>(IEnumerable<T> items, IReadOnlyList<(string Name, Func<T, object?> Value)> columns, int maxRows = DefaultMaxRows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(columns);
        return new HtmlTable(
            columns.Select(c => c.Name),
            items.Select(item => columns.Select(c => c.Value(item))),
            maxRows,
            caption);
    }

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<div class=\"persona-table\"><table style=\"border-collapse:collapse\">");
        if (Caption is not null)
            HtmlText.Append(html.Append("<caption style=\"text-align:left;font-weight:bold\">"), Caption).Append("</caption>");

        html.Append("<thead><tr>");
        foreach (var column in Columns)
            HtmlText.Append(html.Append("<th style=\"text-align:left;padding:2px 8px;border-bottom:1px solid #888\">"), column).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
                HtmlText.Append(html.Append("<td style=\"padding:2px 8px;vertical-align:top\">"), cell).Append("</td>");
            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (HiddenRowCount > 0)
            html.Append("<div class=\"persona-table-more\"><i>(").Append(HiddenRowCount).Append(" more rows)</i></div>");
        html.Append("</div>");
        return html.ToString();
    }

    public string ToPlainText()
    {
        var widths = Columns.Select(c => Math.Min(c.Length, PlainTextCellWidth)).ToArray();
        foreach (var row in Rows)
        {
            for (var i = 0; i < row.Count; i++)
                widths[i] = Math.Max(widths[i], Math.Min(OneLine(row[i]).Length, PlainTextCellWidth));
        }

        var text = new StringBuilder();
        if (Caption is not null)
            text.Append(Caption).Append('\n');
        AppendLine(text, Columns, widths);
        AppendLine(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in Rows)
            AppendLine(text, row, widths);
        if (HiddenRowCount > 0)
            text.Append('(').Append(HiddenRowCount).Append(" more rows)\n");
        return text.ToString().TrimEnd('\n');
    }

    public override string ToString() => ToPlainText();

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = OneLine(cells[i]);
            if (cell.Length > widths[i])
                cell = string.Concat(cell.AsSpan(0, widths[i] - 1), "…");
            text.Append(i == cells.Count - 1 ? cell : cell.PadRight(widths[i] + 2));
        }

        text.Append('\n');
    }

    private static string OneLine(string cell) => cell.ReplaceLineEndings(" ");
}

using System.Text;
using Persona.Core.Import;
using Persona.Core.Pipeline;

namespace Persona.Cli.Commands;

/// <summary>
/// The import report as a plain-text table (stdout is data: no colours, no control codes). Written by hand
/// rather than through a console-rendering library: the import is a one-shot command, and the table
/// renderer's generic code had to be compiled at run time on every import (see bench/import/README.md).
/// </summary>
internal static class ImportSummary
{
    private static readonly string[] Headers =
        ["file", "format", "conversations", "messages", "self-description", "skipped", "diagnostics", "error"];

    public static void Write(TextWriter output, ImportReport report, PipelinePaths paths)
    {
        var rows = new List<string[]>(report.Files.Count + 1) { Headers };
        foreach (var file in report.Files)
        {
            rows.Add(
            [
                file.Path,
                file.Format?.ToString() ?? "-",
                file.Conversations.ToString(),
                file.Messages.ToString(),
                file.SelfDescriptions.ToString(),
                Skipped(file.Skipped),
                (file.Diagnostics.Count + file.DiagnosticsOmitted).ToString(),
                file.Error is null ? string.Empty : "yes",
            ]);
        }

        WriteTable(output, rows);
        if (report.Changes is { } changes)
        {
            output.WriteLine(
                $"conversations: {report.Conversations} read ({report.DuplicateConversations} duplicate copies dropped); " +
                $"added {changes.Added}, updated {changes.Updated}, unchanged {changes.Unchanged}, kept {changes.Kept}");
            output.WriteLine($"messages: {report.Messages} read; all_messages now {report.TotalMessages} rows: {paths.AllMessages}");
            output.WriteLine($"self-description: {report.TotalSelfDescriptions} entries: {paths.SelfDescription}");
            output.WriteLine($"report: {paths.ImportReport}");
        }
        else
        {
            output.WriteLine("nothing written: an input could not be read");
        }
    }

    private static string Skipped(IReadOnlyDictionary<SkipReason, int> skipped)
    {
        var text = new StringBuilder();
        foreach (var (reason, count) in skipped)
        {
            if (text.Length > 0)
                text.Append(", ");
            text.Append(reason.ToString()).Append(' ').Append(count);
        }

        return text.ToString();
    }

    /// <summary>Left-aligned columns two spaces apart, a rule under the header row; control characters in cells become spaces.</summary>
    private static void WriteTable(TextWriter output, List<string[]> rows)
    {
        var widths = new int[Headers.Length];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = Printable(row[c]);
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var line = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            line.Clear();
            for (var c = 0; c < widths.Length; c++)
            {
                if (c > 0)
                    line.Append("  ");
                line.Append(rows[r][c]);
                if (c < widths.Length - 1)
                    line.Append(' ', widths[c] - rows[r][c].Length);
            }

            output.WriteLine(line.ToString().TrimEnd());
            if (r == 0)
            {
                line.Clear();
                for (var c = 0; c < widths.Length; c++)
                    line.Append(c > 0 ? "  " : string.Empty).Append('-', widths[c]);
                output.WriteLine(line.ToString());
            }
        }
    }

    private static string Printable(string cell)
    {
        if (!cell.AsSpan().ContainsAnyInRange('\0', '\u001f'))
            return cell;
        var chars = cell.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
                chars[i] = ' ';
        }

        return new string(chars);
    }
}

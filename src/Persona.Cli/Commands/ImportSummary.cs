using Persona.Core.Import;
using Persona.Core.Pipeline;
using Spectre.Console;

namespace Persona.Cli.Commands;

/// <summary>The import report as a plain-text table (stdout is data: no colours, no control codes).</summary>
internal static class ImportSummary
{
    public static void Write(TextWriter output, ImportReport report, PipelinePaths paths)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("file", "format", "conversations", "messages", "self-description", "skipped", "diagnostics", "error");
        foreach (var file in report.Files)
        {
            table.AddRow(
                Markup.Escape(file.Path),
                file.Format?.ToString() ?? "-",
                file.Conversations.ToString(),
                file.Messages.ToString(),
                file.SelfDescriptions.ToString(),
                Markup.Escape(string.Join(", ", file.Skipped.Select(s => $"{s.Key} {s.Value}"))),
                (file.Diagnostics.Count + file.DiagnosticsOmitted).ToString(),
                Markup.Escape(file.Error is null ? string.Empty : "yes"));
        }

        console.Write(table);
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
}

using System.CommandLine;
using Spectre.Console;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas history ID</c>: every version of a persona.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var id = new Argument<string>("id") { Description = "Persona id." };
        var command = new Command("history", "Show every version of a persona.") { id };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var history = await common.Open(parse).HistoryAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            var table = new Table().AddColumns("version", "change", "at", "author", "name", "active", "instructions", "note");
            foreach (var h in history)
            {
                var p = h.Persona;
                var change = h.RevertedFrom is { } from ? $"reverted to v{from}" : h.Change.ToString().ToLowerInvariant();
                var preview = p.Instructions.ReplaceLineEndings(" ");
                table.AddRow(p.Version.ToString(), change, p.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss"), Markup.Escape(p.Author), Markup.Escape(p.Name),
                    p.IsActive ? "yes" : "no", Markup.Escape(preview.Length > 40 ? preview[..40] + "…" : preview), Markup.Escape(h.Note ?? ""));
            }

            LibraryOptions.Console(context).Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }
}

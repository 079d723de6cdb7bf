using System.CommandLine;
using Spectre.Console;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas log [--context C]</c>: which persona served (or will serve) each request.</summary>
internal static class LogCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var contextId = new Option<string?>("--context") { Description = "Only this context's requests." };
        var command = new Command("log", "Show the persona usage log.") { contextId };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var log = await common.Open(parse).ReadUsageLogAsync(parse.GetValue(contextId), ct).ConfigureAwait(false);
            var table = new Table().AddColumns("at", "request", "context", "persona", "version", "reason", "kind");
            foreach (var e in log.Entries)
            {
                table.AddRow(e.At.ToString("yyyy-MM-dd HH:mm:ss"), Markup.Escape(e.RequestId), Markup.Escape(e.ContextId), Markup.Escape(e.PersonaId),
                    e.PersonaVersion.ToString(), ResolveCommand.ReasonName(e.Reason), e.Preview ? "preview" : "served");
            }

            LibraryOptions.Console(context).Write(table);
            foreach (var skipped in log.Skipped)
                await context.Error.WriteLineAsync("skipped " + skipped).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}

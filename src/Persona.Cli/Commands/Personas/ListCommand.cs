using System.CommandLine;
using Spectre.Console;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas list [--all]</c>: a table of the library's personas.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var all = new Option<bool>("--all") { Description = "Include soft-deleted personas." };
        var command = new Command("list", "List the personas of a profile.") { all };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var library = common.Open(parse);
            var personas = await library.ListAsync(parse.GetValue(all), ct).ConfigureAwait(false);
            var contexts = await library.GetContextsAsync(ct).ConfigureAwait(false);
            var table = new Table().AddColumns("id", "name", "version", "source", "active", "updated", "author", "default of");
            foreach (var p in personas)
            {
                var defaults = contexts.Contexts.Where(c => c.DefaultPersonaId == p.Id).Select(c => c.Id).ToList();
                if (contexts.GlobalDefaultPersonaId == p.Id)
                    defaults.Insert(0, "(global)");
                table.AddRow(Markup.Escape(p.Id), Markup.Escape(p.Name), p.Version.ToString(), p.Source.ToString().ToLowerInvariant(),
                    p.IsActive ? "yes" : "deleted", p.UpdatedAt.ToString("yyyy-MM-dd HH:mm"), Markup.Escape(p.Author), Markup.Escape(string.Join(", ", defaults)));
            }

            LibraryOptions.Console(context).Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }
}

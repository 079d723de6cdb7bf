using System.CommandLine;
using Persona.Core.Library;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas assign|unassign CONTEXT PERSONA</c>: manage which personas a context may use.</summary>
internal static class AssignCommand
{
    public static Command Create(CliContext context, LibraryOptions common, bool unassign)
    {
        var contextId = new Argument<string>("context") { Description = "Context id (project, channel, council worker, forum section …)." };
        var personaId = new Argument<string>("persona") { Description = "Persona id." };
        var makeDefault = new Option<bool>("--default") { Description = "Also make it the context's default." };
        var kind = new Option<PersonaContextKind>("--kind") { Description = "Kind of a new context.", DefaultValueFactory = _ => PersonaContextKind.Other };
        var command = unassign
            ? new Command("unassign", "Remove a persona from a context.") { contextId, personaId }
            : new Command("assign", "Assign a persona to a context (created on first use).") { contextId, personaId, makeDefault, kind };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var library = common.Open(parse);
            var c = parse.GetValue(contextId)!;
            var p = parse.GetValue(personaId)!;
            var result = unassign
                ? await library.UnassignAsync(c, p, cancellationToken: ct).ConfigureAwait(false)
                : await library.AssignAsync(c, p, parse.GetValue(makeDefault), parse.GetValue(kind), cancellationToken: ct).ConfigureAwait(false);
            var ctx = result.Find(c);
            await context.Output.WriteLineAsync($"{c}: {string.Join(", ", ctx?.PersonaIds ?? [])} (default: {ctx?.DefaultPersonaId ?? "none"})").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}

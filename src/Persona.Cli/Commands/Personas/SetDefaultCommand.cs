using System.CommandLine;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas set-default PERSONA [--context C] | --clear</c>: the context's or the global default.</summary>
internal static class SetDefaultCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var personaId = new Argument<string?>("persona") { Description = "Persona id.", Arity = ArgumentArity.ZeroOrOne };
        var contextId = new Option<string?>("--context") { Description = "Set this context's default (omit for the global default)." };
        var clear = new Option<bool>("--clear") { Description = "Remove the default instead." };
        var command = new Command("set-default", "Set a context's default persona, or the global default.") { personaId, contextId, clear };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var p = parse.GetValue(clear) ? null : parse.GetValue(personaId) ?? throw new CliException("Name a persona, or pass --clear.");
            var library = common.Open(parse);
            if (parse.GetValue(contextId) is { } c)
                await library.SetContextDefaultAsync(c, p, cancellationToken: ct).ConfigureAwait(false);
            else
                await library.SetGlobalDefaultAsync(p, cancellationToken: ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"{parse.GetValue(contextId) ?? "(global)"} default: {p ?? "none"}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}

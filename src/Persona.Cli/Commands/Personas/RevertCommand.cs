using System.CommandLine;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas revert ID --to N [--expected-version M]</c>: a new version equal to an old one.</summary>
internal static class RevertCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var id = new Argument<string>("id") { Description = "Persona id." };
        var to = new Option<int>("--to") { Description = "The version whose content to restore.", Required = true };
        var expected = VersionOptions.Expected();
        var command = new Command("revert", "Revert a persona to an earlier version (appends a version).") { id, to, expected };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var library = common.Open(parse);
            var personaId = parse.GetValue(id)!;
            var version = await VersionOptions.ExpectedOrCurrentAsync(parse, expected, library, personaId, ct).ConfigureAwait(false);
            var result = await library.RevertAsync(personaId, parse.GetValue(to), version, parse.GetValue(common.Author), ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"{result.Id} v{result.Version} (content of v{parse.GetValue(to)})").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}

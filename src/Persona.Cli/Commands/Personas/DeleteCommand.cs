using System.CommandLine;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas delete|restore ID [--expected-version N]</c>: soft-delete and undo it.</summary>
internal static class DeleteCommand
{
    public static Command Create(CliContext context, LibraryOptions common, bool restore)
    {
        var id = new Argument<string>("id") { Description = "Persona id." };
        var expected = VersionOptions.Expected();
        var command = new Command(restore ? "restore" : "delete", restore ? "Restore a soft-deleted persona." : "Soft-delete a persona (restorable).") { id, expected };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var library = common.Open(parse);
            var personaId = parse.GetValue(id)!;
            var version = await VersionOptions.ExpectedOrCurrentAsync(parse, expected, library, personaId, ct).ConfigureAwait(false);
            var result = restore
                ? await library.RestoreAsync(personaId, version, parse.GetValue(common.Author), ct).ConfigureAwait(false)
                : await library.DeleteAsync(personaId, version, parse.GetValue(common.Author), ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"{result.Id} v{result.Version} {(result.IsActive ? "active" : "deleted")}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}

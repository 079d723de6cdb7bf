using System.CommandLine;
using Persona.Core.Library;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas edit ID [--name] [--instructions|--instructions-file] [--description] [--expected-version N]</c>.</summary>
internal static class EditCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var id = new Argument<string>("id") { Description = "Persona id." };
        var name = new Option<string?>("--name") { Description = "New display name." };
        var instructions = new Option<string?>("--instructions") { Description = "New system prompt." };
        var instructionsFile = new Option<FileInfo?>("--instructions-file") { Description = "Read the new system prompt from this file." };
        var description = new Option<string?>("--description") { Description = "New description." };
        var note = new Option<string?>("--note") { Description = "Why, recorded with the version." };
        var expected = VersionOptions.Expected();
        var command = new Command("edit", "Edit a persona (appends a version).") { id, name, instructions, instructionsFile, description, note, expected };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var library = common.Open(parse);
            var personaId = parse.GetValue(id)!;
            var text = await LibraryOptions.TextOrFileAsync(parse.GetValue(instructions), parse.GetValue(instructionsFile), "instructions", ct).ConfigureAwait(false);
            var changes = new PersonaChanges(parse.GetValue(name), text, parse.GetValue(description));
            if (changes == new PersonaChanges())
                throw new CliException("Nothing to change: give --name, --instructions, --instructions-file or --description.");
            var expectedVersion = await VersionOptions.ExpectedOrCurrentAsync(parse, expected, library, personaId, ct).ConfigureAwait(false);
            var edited = await library.EditAsync(personaId, expectedVersion, changes, parse.GetValue(common.Author), parse.GetValue(note), ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"{edited.Id} v{edited.Version}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}

using System.CommandLine;
using Persona.Core.Library;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas create --name N --instructions T|--instructions-file F …</c>.</summary>
internal static class CreateCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var name = new Option<string>("--name") { Description = "Display name.", Required = true };
        var instructions = new Option<string?>("--instructions") { Description = "The system prompt." };
        var instructionsFile = new Option<FileInfo?>("--instructions-file") { Description = "Read the system prompt from this file." };
        var description = new Option<string?>("--description") { Description = "What the persona is for." };
        var source = new Option<PersonaSource>("--source") { Description = "manual, extracted or interview.", DefaultValueFactory = _ => PersonaSource.Manual };
        var id = new Option<string?>("--id") { Description = "Id to use (default: derived from the name)." };
        var command = new Command("create", "Create a persona (version 1).") { name, instructions, instructionsFile, description, source, id };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var text = await LibraryOptions.TextOrFileAsync(parse.GetValue(instructions), parse.GetValue(instructionsFile), "instructions", ct).ConfigureAwait(false)
                ?? throw new CliException("Give --instructions or --instructions-file.");
            var created = await common.Open(parse).CreateAsync(
                new PersonaDraft(parse.GetValue(name)!, text, parse.GetValue(description) ?? "", parse.GetValue(source), parse.GetValue(id)),
                parse.GetValue(common.Author), ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"{created.Id} v{created.Version}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}

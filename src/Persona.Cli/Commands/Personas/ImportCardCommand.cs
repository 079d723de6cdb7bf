using System.CommandLine;
using Persona.Core.Library.Exports;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas import-card FILE [--id ID]</c>: a Character Card V2/V3 JSON file as a new persona.</summary>
internal static class ImportCardCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var file = new Argument<FileInfo>("file") { Description = "Character Card V2/V3 JSON file." };
        var id = new Option<string?>("--id") { Description = "Id for the new persona (default: derived from the card's name)." };
        var command = new Command("import-card", "Import a Character Card V2/V3 JSON file as a new persona.") { file, id };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
                throw new CliException($"card file not found: {path.FullName}");
            var result = CharacterCardImporter.Import(await File.ReadAllTextAsync(path.FullName, ct).ConfigureAwait(false), path.Name);
            foreach (var d in result.Diagnostics)
                await context.Error.WriteLineAsync($"{(d.IsError ? "error" : "warning")}: {d.Location}: {d.Message}").ConfigureAwait(false);
            if (result.Draft is null)
                throw new CliException($"{path.FullName}: not imported ({result.Diagnostics.Count(d => d.IsError)} error(s)).");
            var draft = parse.GetValue(id) is { } chosen ? result.Draft with { Id = chosen } : result.Draft;
            var created = await common.Open(parse).CreateAsync(draft, parse.GetValue(common.Author), ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"{created.Id} v{created.Version}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}

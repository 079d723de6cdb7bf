using System.CommandLine;
using Persona.Core.Library.Exports;
using Persona.Core.Storage;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas export ID --format openai|modelfile|card-v2|card-v3 [--output FILE]</c>.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var id = new Argument<string>("id") { Description = "Persona id." };
        var format = new Option<string>("--format") { Description = "openai, modelfile, card-v2 or card-v3.", Required = true };
        format.AcceptOnlyFromAmong("openai", "modelfile", "card-v2", "card-v3");
        var baseModel = new Option<string>("--base-model") { Description = "Modelfile FROM.", DefaultValueFactory = _ => new PersonaExportOptions().BaseModel };
        var adapter = new Option<string?>("--adapter") { Description = "Modelfile ADAPTER (LoRA adapter path)." };
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of stdout." };
        var command = new Command("export", "Export a persona to another tool's format.") { id, format, baseModel, adapter, output };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var persona = await common.Open(parse).GetAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            var kind = parse.GetValue(format) switch
            {
                "openai" => PersonaExportFormat.OpenAiSystemMessage,
                "modelfile" => PersonaExportFormat.OllamaModelfile,
                "card-v2" => PersonaExportFormat.CharacterCardV2,
                _ => PersonaExportFormat.CharacterCardV3,
            };
            string text;
            try
            {
                text = PersonaExporter.Export(persona, kind, new PersonaExportOptions(parse.GetValue(baseModel)!, parse.GetValue(adapter)));
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"Cannot export '{persona.Id}': {ex.Message}");
            }

            if (parse.GetValue(output) is { } file)
            {
                await AtomicFile.WriteAllTextAsync(file.FullName, text, ct).ConfigureAwait(false);
                await context.Error.WriteLineAsync($"wrote {file.FullName}").ConfigureAwait(false);
            }
            else
            {
                await context.Output.WriteAsync(text).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}

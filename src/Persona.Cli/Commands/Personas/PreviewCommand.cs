using System.CommandLine;
using Persona.Core.Library;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas preview CONTEXT [--override P] [--template T|--template-file F]</c>: the exact system prompt.</summary>
internal static class PreviewCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var contextId = new Argument<string>("context") { Description = "Context id." };
        var overrideId = new Option<string?>("--override") { Description = "Persona override (must be assigned to the context)." };
        var template = new Option<string?>("--template") { Description = "Prompt template: {{PERSONA}} and {{USER_PERSONA…}} placeholders." };
        var templateFile = new Option<FileInfo?>("--template-file") { Description = "Read the template from this file." };
        var command = new Command("preview", "Print the exact final system prompt for a context, with its size.") { contextId, overrideId, template, templateFile };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var text = await LibraryOptions.TextOrFileAsync(parse.GetValue(template), parse.GetValue(templateFile), "template", ct).ConfigureAwait(false);
            var preview = await common.Open(parse).PreviewAsync(new PromptPreviewRequest(parse.GetValue(contextId)!, parse.GetValue(overrideId), text), cancellationToken: ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync(preview.SystemPrompt).ConfigureAwait(false);
            var r = preview.Resolution;
            await context.Error.WriteLineAsync(
                $"persona {r.Persona.Id} v{r.Persona.Version} ({ResolveCommand.ReasonName(r.Reason)}); {preview.Characters} characters, "
                + $"{(preview.TokensAreEstimate ? "~" : "")}{preview.Tokens} tokens ({preview.TokenCounter})").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}

using System.CommandLine;
using Persona.Core.Library;

namespace Persona.Cli.Commands.Personas;

/// <summary>
/// <c>persona personas preview CONTEXT [--override P] [--template T|--template-file F] [--tokenizer PATH [--chat-template]]</c>:
/// the exact system prompt, with its size counted by the model's tokenizer or estimated.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var contextId = new Argument<string>("context") { Description = "Context id." };
        var overrideId = new Option<string?>("--override") { Description = "Persona override (must be assigned to the context)." };
        var template = new Option<string?>("--template") { Description = "Prompt template: {{PERSONA}} and {{USER_PERSONA…}} placeholders." };
        var templateFile = new Option<FileInfo?>("--template-file") { Description = "Read the template from this file." };
        var tokenizer = new Option<string?>("--tokenizer") { Description = "Count tokens exactly with this tokenizer: tokenizer.json, tokenizer.bin, a GGUF file or an HF checkpoint directory (default: an estimate)." };
        var chatTemplate = new Option<bool>("--chat-template") { Description = "With --tokenizer: count the prompt as a system turn in the model's chat template (ChatML or Llama-3)." };
        var command = new Command("preview", "Print the exact final system prompt for a context, with its size.") { contextId, overrideId, template, templateFile, tokenizer, chatTemplate };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var text = await LibraryOptions.TextOrFileAsync(parse.GetValue(template), parse.GetValue(templateFile), "template", ct).ConfigureAwait(false);
            var counter = await CounterAsync(parse.GetValue(tokenizer), parse.GetValue(chatTemplate), ct).ConfigureAwait(false);
            var preview = await common.Open(parse).PreviewAsync(new PromptPreviewRequest(parse.GetValue(contextId)!, parse.GetValue(overrideId), text), tokenCounter: counter, cancellationToken: ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync(preview.SystemPrompt).ConfigureAwait(false);
            var r = preview.Resolution;
            await context.Error.WriteLineAsync(
                $"persona {r.Persona.Id} v{r.Persona.Version} ({ResolveCommand.ReasonName(r.Reason)}); {preview.Characters} characters, "
                + $"{(preview.TokensAreEstimate ? "~" : "")}{preview.Tokens} tokens ({preview.TokenCounter})").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<ITokenCounter> CounterAsync(string? path, bool chatTemplate, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return chatTemplate
                ? throw new CliException("--chat-template needs --tokenizer: the estimate knows no chat template.")
                : EstimatedTokenCounter.Instance;
        }

        try
        {
            return await TokenizerTokenCounter.LoadAsync(path, chatTemplate ? TokenCountScope.SystemTurn : TokenCountScope.Text, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new CliException($"cannot load the tokenizer: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException($"cannot load the tokenizer: {ex.Message}");
        }
    }
}

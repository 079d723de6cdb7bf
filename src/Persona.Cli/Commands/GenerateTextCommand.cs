using System.CommandLine;
using Persona.Tensors.Generation;

namespace Persona.Cli.Commands;

/// <summary>
/// <c>persona generate-text --model PATH [--tokenizer PATH] [--prompt TEXT] [--max-tokens N] [--temperature T]
/// [--top-p P] [--seed S]</c>: runs a local checkpoint and prints only the generated text on stdout.
/// </summary>
internal static class GenerateTextCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<FileSystemInfo>("--model") { Description = "Checkpoint: llama2.c .bin, GGUF file, or Hugging Face directory.", Required = true };
        var tokenizer = new Option<FileInfo?>("--tokenizer") { Description = "Tokenizer file (tokenizer.bin, tokenizer.json, GGUF) when the checkpoint carries none." };
        var prompt = new Option<string?>("--prompt") { Description = "Text to continue; without it generation starts from the BOS token." };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Number of new tokens.", DefaultValueFactory = _ => 256 };
        var temperature = new Option<float>("--temperature") { Description = "0 = greedy (argmax).", DefaultValueFactory = _ => 1f };
        var topP = new Option<float>("--top-p") { Description = "Nucleus sampling threshold in (0, 1].", DefaultValueFactory = _ => 0.9f };
        var seed = new Option<int>("--seed") { Description = "Random seed for sampling.", DefaultValueFactory = _ => 0 };
        var command = new Command("generate-text", "Generate text with a local LLaMA-family model.") { model, tokenizer, prompt, maxTokens, temperature, topP, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var modelPath = parse.GetValue(model)!;
            if (!modelPath.Exists)
                throw new CliException($"--model: {modelPath.FullName} does not exist");
            var tokenizerFile = parse.GetValue(tokenizer);
            if (tokenizerFile is { Exists: false })
                throw new CliException($"--tokenizer: {tokenizerFile.FullName} does not exist");
            var request = new TextGenerationRequest(
                modelPath.FullName,
                tokenizerFile?.FullName,
                parse.GetValue(prompt),
                parse.GetValue(maxTokens),
                new SamplingOptions { Temperature = parse.GetValue(temperature), TopP = parse.GetValue(topP), Seed = parse.GetValue(seed) });
            var problems = request.Problems();
            if (problems.Count > 0)
                throw new CliException(string.Join("; ", problems));
            TextGenerationResult result;
            try
            {
                result = await TextCompletion.RunAsync(request, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message);
            }

            await context.Output.WriteLineAsync(result.Text);
            var seconds = Math.Max(result.GenerationTime.TotalSeconds, 1e-9);
            await context.Error.WriteLineAsync($"{result.PromptTokens.Count} prompt + {result.GeneratedTokens.Count} generated tokens in {seconds:F2} s ({result.GeneratedTokens.Count / seconds:F1} tok/s); load {result.LoadTime.TotalSeconds:F2} s");
            return ExitCodes.Success;
        });
        return command;
    }
}

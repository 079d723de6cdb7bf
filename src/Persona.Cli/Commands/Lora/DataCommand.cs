using System.CommandLine;
using System.Globalization;
using Persona.Core.Library;
using Persona.Core.Llm;
using Persona.Core.Llm.Configuration;
using Persona.Core.Pipeline;
using Persona.Core.Training;
using Persona.Core.Training.Synthetic;

namespace Persona.Cli.Commands.Lora;

/// <summary>
/// <c>persona lora data</c>: builds <c>lora_training/persona_&lt;name&gt;_{train,valid}.jsonl</c> and a card per
/// persona from the cluster files, the generated prompts and (with <c>--profile</c>) interview transcripts;
/// <c>--synthetic-prompts</c> has the responder model write the user turn of openers. Prints one line per
/// persona on stdout; input problems, progress and what the synthetic pass did go to stderr.
/// </summary>
internal static class DataCommand
{
    public static Command Create(CliContext context)
    {
        var defaults = new LoraDataOptions();
        var @out = CommonOptions.Out();
        var format = new Option<LoraDataFormat>("--format") { Description = "Row layout: openai, sharegpt or trainer.", DefaultValueFactory = _ => defaults.Format, CustomParser = ParseFormat };
        var tokenizer = new Option<FileInfo?>("--tokenizer") { Description = "tokenizer.json / tokenizer.bin of the base model, for real token counts (estimated otherwise)." };
        var minChars = new Option<int>("--min-chars") { Description = "Drop messages shorter than this.", DefaultValueFactory = _ => defaults.MinChars };
        var maxChars = new Option<int>("--max-chars") { Description = "Drop messages longer than this.", DefaultValueFactory = _ => defaults.MaxChars };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Drop messages with more tokens than this.", DefaultValueFactory = _ => defaults.MaxTokens };
        var validFraction = new Option<double>("--valid-fraction") { Description = "Share of examples in the validation file.", DefaultValueFactory = _ => defaults.ValidFraction };
        var seed = new Option<int>("--seed") { Description = "Seed of the train/validation split.", DefaultValueFactory = _ => defaults.Seed };
        var profile = new Option<string?>("--profile") { Description = "Profile whose library prompts, core persona and interview transcripts to use." };
        var profiles = new Option<DirectoryInfo>("--profiles") { Description = "Folder holding every profile.", DefaultValueFactory = _ => new DirectoryInfo(ProfilePaths.DefaultRoot) };
        var synthetic = new Option<bool>("--synthetic-prompts") { Description = "Have the responder model write the user turn of opening messages (marked synthetic; needs a configured responder model)." };
        var syntheticMax = new Option<int>("--synthetic-max") { Description = "At most this many openers per persona get a synthetic user turn (a seeded choice when there are more).", DefaultValueFactory = _ => defaults.MaxSyntheticPerPersona };
        var llmConfig = new Option<FileInfo?>("--llm-config") { Description = $"LLM configuration for --synthetic-prompts (default: ${LlmConfigLoader.ConfigPathVariable}, else the nearest {LlmConfigLoader.DefaultRelativePath})." };
        var command = new Command("data", "Build per-persona LoRA datasets (the person's messages as assistant turns).")
        {
            @out, format, tokenizer, minChars, maxChars, maxTokens, validFraction, seed, profile, profiles, synthetic, syntheticMax, llmConfig,
        };
        command.SetAction(async (parse, ct) =>
        {
            IDatasetTokenizer? datasetTokenizer = null;
            if (parse.GetValue(tokenizer) is { } tokenizerFile)
            {
                if (!tokenizerFile.Exists)
                    throw new CliException($"--tokenizer: file not found: {tokenizerFile.FullName}");
                if (!tokenizerFile.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    throw new CliException($"--tokenizer {tokenizerFile.Name}: only HF tokenizer.json files are supported for training data (they carry the chat-template tokens).");
                try
                {
                    datasetTokenizer = await ChatTemplateDatasetTokenizer.LoadAsync(tokenizerFile.FullName, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException)
                {
                    throw new CliException($"--tokenizer {tokenizerFile.FullName}: {ex.Message}");
                }
            }

            var options = new LoraDataOptions
            {
                Format = parse.GetValue(format),
                MinChars = parse.GetValue(minChars),
                MaxChars = parse.GetValue(maxChars),
                MaxTokens = parse.GetValue(maxTokens),
                ValidFraction = parse.GetValue(validFraction),
                Seed = parse.GetValue(seed),
                SyntheticPrompts = parse.GetValue(synthetic),
                MaxSyntheticPerPersona = parse.GetValue(syntheticMax),
            };
            if (options.Problems() is { } problems)
                throw new CliException(problems);
            var paths = new PipelinePaths(parse.GetValue(@out)!.FullName);
            ProfilePaths? profilePaths = null;
            if (parse.GetValue(profile) is { } profileId)
            {
                try
                {
                    profilePaths = new ProfilePaths(parse.GetValue(profiles)!.FullName, profileId);
                }
                catch (ArgumentException ex)
                {
                    throw new CliException(ex.Message);
                }
            }

            LoraDataResult result;
            try
            {
                using var llm = options.SyntheticPrompts ? OpenRuntime(parse.GetValue(llmConfig)) : null;
                result = await LoraDataStage.BuildAsync(paths, profilePaths, options, datasetTokenizer, llm, new SyntheticProgress(context.Error), ct).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                throw new CliException(ex.Message);
            }

            foreach (var diagnostic in result.Diagnostics)
                await context.Error.WriteLineAsync("warning: " + diagnostic).ConfigureAwait(false);
            if (result.SyntheticPrompts is { } report)
            {
                foreach (var failure in report.Failures)
                    await context.Error.WriteLineAsync("warning: no synthetic prompt for " + failure).ConfigureAwait(false);
                await context.Error.WriteLineAsync((report.Ran ? "synthetic prompts: " : "warning: synthetic prompts: ") + report).ConfigureAwait(false);
            }
            if (result.Personas.Count == 0)
                throw new CliException($"No persona data under {paths.Clusters} (run clustering first) and no completed interview transcripts.");
            await LoraDataStage.WriteAsync(result, paths, cancellationToken: ct).ConfigureAwait(false);
            foreach (var p in result.Personas)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Slug}\tin {p.InputCount}\tremoved {p.Removed.Count}\ttrain {p.Train.Count}\tvalid {p.Valid.Count}\ttokens {p.TrainTokens.TotalTokens + p.ValidTokens.TotalTokens}{(result.TokensEstimated ? " (estimated)" : "")}\tprompt {p.PromptSource}")).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync($"wrote {result.Personas.Count * 4} files to {paths.LoraTraining}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static LlmRuntime OpenRuntime(FileInfo? config)
    {
        try
        {
            return CliLlm.Open(config);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or ArgumentException)
        {
            throw new CliException("--llm-config: " + ex.Message);
        }
    }

    /// <summary>One stderr line per opener, written as it happens (in order, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class SyntheticProgress(TextWriter error) : IProgress<SyntheticPromptProgress>
    {
        public void Report(SyntheticPromptProgress value)
        {
            var outcome = value.Outcome switch
            {
                SyntheticPromptOutcome.FromCache => "from cache",
                SyntheticPromptOutcome.Written => "written",
                _ => "failed",
            };
            error.WriteLine($"synthetic prompt [{value.Persona} {value.Index}/{value.Total}] {value.MessageId}: {outcome}");
        }
    }

    private static LoraDataFormat ParseFormat(System.CommandLine.Parsing.ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        switch (token.ToLowerInvariant())
        {
            case "openai":
                return LoraDataFormat.OpenAI;
            case "sharegpt":
                return LoraDataFormat.ShareGpt;
            case "trainer":
                return LoraDataFormat.Trainer;
            default:
                result.AddError($"--format '{token}' is not one of openai, sharegpt, trainer.");
                return default;
        }
    }
}

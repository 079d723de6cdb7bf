using System.CommandLine;
using Persona.Cli.Commands.Personas;
using Persona.Core.Llm;
using Persona.Core.Pipeline;
using Persona.Core.Prompts;
using Persona.Llm.OpenAI;

namespace Persona.Cli.Commands;

/// <summary>
/// <c>persona prompts [--out DIR] [--seed N] [--offline] [--import [--profile P]]</c>: one system prompt per
/// cluster from the person's measured patterns, written to <c>prompts/generated_prompts.json</c> with a report
/// in <c>reports/prompts.html</c>; <c>--import</c> puts them into the profile's persona library.
/// </summary>
internal static class PromptsCommand
{
    public static Command Create(CliContext context)
    {
        var outOption = CommonOptions.Out();
        var seedOption = new Option<int>("--seed") { Description = "Seed of the held-out distinctness split (written into the output).", DefaultValueFactory = _ => 42 };
        var offlineOption = new Option<bool>("--offline") { Description = "Do not ask the prompt-writer model even when one is configured." };
        var importOption = new Option<bool>("--import") { Description = "Also put the prompts into the profile's persona library (source: extracted; re-import appends versions only for changed prompts)." };
        var library = new LibraryOptions();
        var command = new Command("prompts", "Synthesize a system prompt per persona (cluster) with provenance and a distinctness check.") { outOption, seedOption, offlineOption, importOption };
        library.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = new PipelinePaths(parse.GetValue(outOption)!.FullName);
            ClusterReadResult input;
            try
            {
                input = await ClusterPersonaReader.ReadAsync(paths, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
            {
                throw new CliException(ex.Message);
            }

            foreach (var diagnostic in input.Diagnostics)
                await context.Error.WriteLineAsync("warning: " + diagnostic).ConfigureAwait(false);
            if (input.Personas.Count == 0)
                throw new CliException($"no persona with usable messages in {paths.Clusters}");

            var options = new PromptGenerationOptions { Seed = parse.GetValue(seedOption) };
            using var runtime = parse.GetValue(offlineOption)
                ? new LlmRuntime(LlmOptions.AllOffline, [])
                : LlmRuntime.CreateDefault(new OpenAICompatibleProvider());
            var generator = PromptGenerator.FromRuntime(runtime, options);
            var progress = new Progress<PromptProgress>(step => context.Error.WriteLine($"[{step.Index}/{step.Total}] {step.Persona}"));
            var set = await generator.GenerateAsync(input.Personas, progress, cancellationToken).ConfigureAwait(false);

            await set.WriteAsync(paths.GeneratedPrompts, cancellationToken).ConfigureAwait(false);
            var report = await set.WriteReportAsync(paths, cancellationToken).ConfigureAwait(false);
            foreach (var prompt in set.Prompts)
            {
                var model = prompt.Generator.Model is null ? "" : $" ({prompt.Generator.Model})";
                await context.Output.WriteLineAsync($"{prompt.Name,-24} {prompt.MessageCount,6} messages  {prompt.Claims.Count,2} claims  {prompt.Generator.Path}{model}").ConfigureAwait(false);
            }

            var distinctness = set.Distinctness;
            await context.Output.WriteLineAsync(FormattableString.Invariant(
                $"distinctness: held-out accuracy {distinctness.Accuracy:0.000} vs chance {distinctness.Chance:0.000} (majority {distinctness.MajorityBaseline:0.000}, {distinctness.HeldOut} messages)")).ConfigureAwait(false);
            foreach (var warning in distinctness.Warnings)
                await context.Error.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"wrote {paths.GeneratedPrompts}").ConfigureAwait(false);
            await context.Output.WriteLineAsync($"wrote {report}").ConfigureAwait(false);
            if (!parse.GetValue(importOption))
                return ExitCodes.Success;

            var imported = await PromptLibraryImporter.ImportAsync(set, library.Open(parse), parse.GetValue(library.Author), cancellationToken).ConfigureAwait(false);
            foreach (var item in imported.Items)
                await context.Output.WriteLineAsync($"import {item.Outcome.ToString().ToLowerInvariant(),-9} {item.PersonaId} v{item.Version}{(item.Message is null ? "" : " — " + item.Message)}").ConfigureAwait(false);
            foreach (var failure in imported.Failures)
                await context.Error.WriteLineAsync($"error: importing {failure.Name}: {failure.Message}").ConfigureAwait(false);
            return imported.Failures.Any() ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }
}

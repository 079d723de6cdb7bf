using System.CommandLine;
using System.Globalization;
using Persona.Core.Clustering;
using Persona.Core.Pipeline;

namespace Persona.Cli.Commands;

/// <summary>
/// <c>persona categorize [--out DIR] [--config FILE] [--refresh]</c>: characterises every message of
/// <c>extracted/all_messages.parquet</c>, writes <c>extracted/categorized_messages.parquet</c> and prints
/// the distribution per category.
/// </summary>
internal static class CategorizeCommand
{
    public static Command Create(CliContext context)
    {
        var outOption = CommonOptions.Out();
        var configOption = new Option<FileInfo?>("--config") { Description = "Lexicon file (default: config/categorization.yaml, else the built-in lexicon)." };
        var refreshOption = new Option<bool>("--refresh") { Description = "Keep the existing result when the messages and the lexicon are unchanged." };
        var command = new Command("categorize", "Categorize every message: topic, tone, reasoning markers, question types, length.") { outOption, configOption, refreshOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = new PipelinePaths(parse.GetValue(outOption)!.FullName);
            var messages = await MessagesInput.ReadAsync(paths, cancellationToken).ConfigureAwait(false);
            var options = new ModeDiscoveryOptions { CategorizationConfigPath = parse.GetValue(configOption)?.FullName, Refresh = parse.GetValue(refreshOption) };
            var progress = new Progress<int>(done => context.Error.WriteLine($"categorized {done}/{messages.Count}"));
            var run = await ModeDiscovery.CategorizeAsync(paths, messages, options, progress, cancellationToken).ConfigureAwait(false);

            await context.Error.WriteLineAsync($"{(run.Reused ? "unchanged, kept" : "wrote")} {run.OutputPath} ({run.Info.Strategy}, rules {run.Info.RulesSource})").ConfigureAwait(false);
            await context.Output.WriteLineAsync($"{"facet",-18} {"value",-16} {"messages",9} {"share",7}").ConfigureAwait(false);
            foreach (var count in run.Distribution.Counts)
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count.Facet,-18} {count.Value,-16} {count.Count,9} {count.Share,7:P1}")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}

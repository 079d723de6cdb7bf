using System.CommandLine;
using System.Globalization;
using Persona.Core.Clustering;
using Persona.Core.Pipeline;

namespace Persona.Cli.Commands;

/// <summary>
/// <c>persona cluster [--clusters N] [--seed S] [--refresh] [--out DIR]</c>: finds the person's 3–6 modes,
/// names them, writes <c>clusters/</c> and <c>reports/clusters.html</c>, and prints the clusters with their quality.
/// </summary>
internal static class ClusterCommand
{
    public static Command Create(CliContext context)
    {
        var outOption = CommonOptions.Out();
        var clustersOption = new Option<int?>("--clusters") { Description = "Force the number of clusters instead of choosing 3..6 by silhouette." };
        var seedOption = new Option<int>("--seed") { Description = "Seed for LSA and k-means; recorded in the outputs.", DefaultValueFactory = _ => new ClusteringOptions().Seed };
        var refreshOption = new Option<bool>("--refresh") { Description = "Re-run only what changed: keep outputs whose recorded input hashes match." };
        var configOption = new Option<FileInfo?>("--config") { Description = "Categorization lexicon (default: config/categorization.yaml, else built-in)." };
        var rulesOption = new Option<FileInfo?>("--rules") { Description = "Naming rules and stop words (default: config/clustering.yaml, else built-in)." };
        var command = new Command("cluster", "Discover, name and report the person's modes (3-6 clusters).") { outOption, clustersOption, seedOption, refreshOption, configOption, rulesOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = new PipelinePaths(parse.GetValue(outOption)!.FullName);
            var clusters = parse.GetValue(clustersOption);
            if (clusters is < 2)
                throw new CliException($"--clusters must be at least 2, was {clusters}", ExitCodes.InputError);
            var messages = await MessagesInput.ReadAsync(paths, cancellationToken).ConfigureAwait(false);
            var options = new ModeDiscoveryOptions
            {
                CategorizationConfigPath = parse.GetValue(configOption)?.FullName,
                ClusteringConfigPath = parse.GetValue(rulesOption)?.FullName,
                Clustering = new ClusteringOptions { Clusters = clusters, Seed = parse.GetValue(seedOption) },
                Refresh = parse.GetValue(refreshOption),
            };
            var progress = new Progress<ClusteringProgress>(p => context.Error.WriteLine($"{p.Step} {p.Done}/{p.Total}"));
            ClusteringRun run;
            try
            {
                run = await ModeDiscovery.ClusterAsync(paths, messages, options, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex) when (ex.ParamName == "messages")
            {
                throw new CliException($"{paths.AllMessages}: {ex.Message.Split(" (Parameter")[0]}", ExitCodes.InputError);
            }

            await context.Error.WriteLineAsync(run.Reused ? $"unchanged since the last run, kept {paths.Clusters}" : $"wrote {paths.Clusters} and {run.ReportPath}").ConfigureAwait(false);
            var a = run.Analysis;
            var q = a.Quality;
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"k = {a.K} ({(a.KForced ? "forced" : a.Criterion)}), seed {a.Seed}, {a.MessageCount} messages; silhouette {q.Silhouette:0.000}; stability ARI mean {q.StabilityMeanAri:0.000} min {q.StabilityMinAri:0.000}; weakly assigned {q.WeakShare:P1}")).ConfigureAwait(false);
            await context.Output.WriteLineAsync("k-selection: " + string.Join("  ", a.KSelection.Select(p => string.Create(CultureInfo.InvariantCulture, $"k={p.K}:{p.Silhouette:0.000}{(p.Chosen ? "*" : "")}")))).ConfigureAwait(false);
            foreach (var c in a.Clusters)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{c.Id}] {c.Name} — {c.Size} messages ({c.Share:P1}), silhouette {c.Silhouette:0.000}, weak {c.WeakShare:P1}")).ConfigureAwait(false);
                await context.Output.WriteLineAsync("    why: " + c.Why).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

using Persona.Core.Categorization;
using Persona.Core.Import;
using Persona.Core.Pipeline;

namespace Persona.Core.Clustering;

/// <summary>
/// Clusters categorized messages and writes every clustering output. With <c>refresh</c>, an existing
/// analysis whose recorded input hashes (messages, both rule files, options, categorizer) equal the
/// current ones is kept and nothing is recomputed.
/// </summary>
public static class ClusteringStage
{
    public static async Task<ClusteringRun> RunAsync(
        PipelinePaths paths,
        IReadOnlyList<PersonMessage> messages,
        CategorizationRun categorization,
        ClusteringRules rules,
        ClusteringOptions options,
        bool refresh,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(categorization);
        ArgumentNullException.ThrowIfNull(rules);
        var clusterer = new MessageClusterer(options, rules);
        var inputs = new ClusteringInputs(categorization.Info.MessagesHash, categorization.Info.RulesHash, rules.ContentHash, clusterer.OptionsHash(), categorization.Info.Strategy);
        var reportPath = Path.Combine(paths.Reports, ClusterOutputWriter.ReportFileName);
        if (refresh && await ClusterOutputWriter.ReadAnalysisAsync(paths, cancellationToken).ConfigureAwait(false) is { } previous
            && previous.Inputs == inputs && File.Exists(paths.ClusterAssignments))
        {
            var assignments = await ClusterAssignmentsDataset.ReadAsync(paths.ClusterAssignments, cancellationToken).ConfigureAwait(false);
            if (assignments.Select(a => a.MessageId).SequenceEqual(messages.Select(m => m.MessageId), StringComparer.Ordinal))
                return new ClusteringRun(previous, new ClusteringResult(previous, assignments, messages, categorization.Categories), Reused: true, [], reportPath);
        }

        var result = await clusterer.ClusterAsync(messages, categorization.Categories, inputs, progress, cancellationToken).ConfigureAwait(false);
        var written = await ClusterOutputWriter.WriteAsync(paths, result, cancellationToken).ConfigureAwait(false);
        return new ClusteringRun(result.Analysis, result, Reused: false, written, reportPath);
    }
}

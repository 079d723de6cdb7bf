using Persona.Core.Categorization;
using Persona.Core.Import;
using Persona.Core.Pipeline;

namespace Persona.Core.Clustering;

/// <summary>
/// The categorize and cluster steps as the CLI and the notebooks call them: rules loaded from the
/// editable config files, the categorization reused or recomputed, clustering outputs written under
/// the pipeline folder.
/// </summary>
public static class ModeDiscovery
{
    public static async Task<CategorizationRun> CategorizeAsync(PipelinePaths paths, IReadOnlyList<PersonMessage> messages, ModeDiscoveryOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        var lexicon = await CategorizationLexicon.LoadAsync(options.CategorizationConfigPath, cancellationToken).ConfigureAwait(false);
        var categorizer = options.Categorizer ?? new LexiconCategorizer(lexicon);
        return await CategorizationStage.RunAsync(paths, messages, categorizer, lexicon.ContentHash, lexicon.Source, options.Refresh, progress, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<ClusteringRun> ClusterAsync(PipelinePaths paths, IReadOnlyList<PersonMessage> messages, ModeDiscoveryOptions options, IProgress<ClusteringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        var rules = await ClusteringRules.LoadAsync(options.ClusteringConfigPath, cancellationToken).ConfigureAwait(false);
        var categorization = await CategorizeAsync(paths, messages, options with { Refresh = true }, null, cancellationToken).ConfigureAwait(false);
        return await ClusteringStage.RunAsync(paths, messages, categorization, rules, options.Clustering, options.Refresh, progress, cancellationToken).ConfigureAwait(false);
    }
}

using System.Security.Cryptography;
using System.Text;
using Persona.Core.Categorization;
using Persona.Core.Import;

namespace Persona.Core.Clustering;

/// <summary>
/// Finds the person's modes: TF-IDF + LSA text features joined with the categorical features,
/// k-means++ with restarts for every k in range, k chosen by the highest mean silhouette (unless
/// forced), then quality (silhouette per cluster, stability across seeds, weak assignments),
/// class-based TF-IDF top terms, representative messages, names and a 2-D projection.
/// Same messages, categories, rules and options ⇒ the same result.
/// </summary>
public sealed partial class MessageClusterer
{
    public const string SilhouetteCriterion = "max mean silhouette (Euclidean, on L2-normalised features) over k";
    private readonly ClusteringOptions _options;
    private readonly ClusteringRules _rules;

    public MessageClusterer(ClusteringOptions options, ClusteringRules rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        options.Validate();
        _options = options;
        _rules = rules;
    }

    public Task<ClusteringResult> ClusterAsync(
        IReadOnlyList<PersonMessage> messages,
        IReadOnlyList<MessageCategories> categories,
        ClusteringInputs inputs,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(inputs);
        if (messages.Count != categories.Count)
            throw new ArgumentException($"{messages.Count} messages but {categories.Count} categorizations", nameof(categories));
        var minK = _options.Clusters ?? _options.MinClusters;
        if (messages.Count < Math.Max(minK * 2, 10))
            throw new ArgumentException($"too few messages to cluster: {messages.Count} (need at least {Math.Max(minK * 2, 10)})", nameof(messages));
        return Task.Run(() => Run(messages, categories, inputs, progress, cancellationToken), cancellationToken);
    }

    /// <summary>A stable hash of the options that change the result, recorded in the outputs.</summary>
    public string OptionsHash()
    {
        var o = _options;
        var text = FormattableString.Invariant($"{o.Clusters}|{o.MinClusters}|{o.MaxClusters}|{o.Seed}|{o.LsaDimensions}|{o.MinDocumentFrequency}|{o.MaxDocumentShare}|{o.MaxFeatures}|{o.CategoricalWeight}|{o.Restarts}|{o.MaxIterations}|{o.StabilityRuns}|{o.SilhouetteSampleSize}|{o.WeakMargin}|{o.WeakSilhouette}|{o.RepresentativeCount}|{o.TopTermCount}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private ClusteringResult Run(IReadOnlyList<PersonMessage> messages, IReadOnlyList<MessageCategories> categories, ClusteringInputs inputs, IProgress<ClusteringProgress>? progress, CancellationToken cancellationToken)
    {
        var n = messages.Count;
        progress?.Report(new("features", 0, 1));
        var features = BuildFeatures(messages, categories, progress);
        cancellationToken.ThrowIfCancellationRequested();

        var ks = _options.Clusters is { } forced
            ? [Math.Min(forced, n)]
            : Enumerable.Range(_options.MinClusters, _options.MaxClusters - _options.MinClusters + 1).Where(k => k < n).ToArray();
        progress?.Report(new("silhouette distances", 0, 1));
        var silhouette = new Silhouette(features.Points, features.Dimensions, Silhouette.Sample(n, _options.SilhouetteSampleSize, SeedSequence.Derive(_options.Seed, 7)));
        var fits = new List<(KMeansResult Fit, double[] Silhouettes)>();
        foreach (var k in ks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new("k-means", fits.Count, ks.Length));
            var fit = KMeans.Fit(features.Points, n, features.Dimensions, k, _options.Seed, _options.Restarts, _options.MaxIterations);
            fits.Add((fit, silhouette.Compute(fit.Labels, k)));
        }

        var chosen = 0;
        for (var i = 1; i < fits.Count; i++)
        {
            if (fits[i].Silhouettes.Average() > fits[chosen].Silhouettes.Average() + 1e-9)
                chosen = i;
        }

        var (best, silhouettes) = fits[chosen];
        var curve = fits.Select((f, i) => new KSelectionPoint(f.Fit.K, Round(f.Silhouettes.Average()), Round(f.Fit.Inertia), i == chosen)).ToList();

        progress?.Report(new("stability", 0, _options.StabilityRuns));
        var stabilitySeeds = Enumerable.Range(1, _options.StabilityRuns).Select(s => SeedSequence.Derive(_options.Seed, 1000 + s)).ToArray();
        var stability = new double[stabilitySeeds.Length];
        for (var s = 0; s < stabilitySeeds.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var other = KMeans.Fit(features.Points, n, features.Dimensions, best.K, stabilitySeeds[s], _options.Restarts, _options.MaxIterations);
            stability[s] = Round(AdjustedRandIndex.Compute(best.Labels, other.Labels));
        }

        progress?.Report(new("summaries", 0, 1));
        return Summarise(messages, categories, inputs, features, best, silhouette.Subset, silhouettes, curve, stabilitySeeds, stability);
    }

    internal static double Round(double value) => Math.Round(value, 6, MidpointRounding.ToEven);
}

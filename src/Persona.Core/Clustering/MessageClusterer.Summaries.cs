using Persona.Core.Categorization;
using Persona.Core.Import;

namespace Persona.Core.Clustering;

public sealed partial class MessageClusterer
{
    private const int RepresentativeTextLength = 400;

    private ClusteringResult Summarise(
        IReadOnlyList<PersonMessage> messages,
        IReadOnlyList<MessageCategories> categories,
        ClusteringInputs inputs,
        FeatureSpace features,
        KMeansResult fit,
        int[] sample,
        double[] sampleSilhouettes,
        List<KSelectionPoint> curve,
        int[] stabilitySeeds,
        double[] stability)
    {
        var (n, k, dim) = (messages.Count, fit.K, features.Dimensions);
        var (labels, centroids) = OrderBySize(fit, dim);

        var nearest = new double[n];
        var margin = new double[n];
        Parallel.For(0, n, i =>
        {
            var point = features.Points.AsSpan(i * dim, dim);
            var (d1, d2) = (double.MaxValue, double.MaxValue);
            for (var c = 0; c < k; c++)
            {
                var d = Math.Sqrt(KMeans.SquaredDistance(point, centroids.AsSpan(c * dim, dim)));
                if (c == labels[i])
                    d1 = d;
                else
                    d2 = Math.Min(d2, d);
            }

            nearest[i] = d1;
            margin[i] = d2 > 0 && d2 != double.MaxValue ? (d2 - d1) / d2 : 0;
        });

        var silhouetteOf = new Dictionary<int, double>();
        for (var s = 0; s < sample.Length; s++)
            silhouetteOf[sample[s]] = sampleSilhouettes[s];
        var members = Enumerable.Range(0, k).Select(c => Enumerable.Range(0, n).Where(i => labels[i] == c).ToArray()).ToArray();
        var topTerms = ClassTfidf.TopTerms(features.Tfidf, labels, k, _options.TopTermCount);
        var shares = members.Select(m => CategoryShares(m, categories)).ToArray();
        var names = ClusterNamer.Name(shares, topTerms, _rules.Archetypes);
        var (xs, ys) = Projection.Principal2D(features.Points, n, dim);

        var clusters = new List<ClusterSummary>();
        for (var c = 0; c < k; c++)
        {
            var inCluster = members[c];
            var sampled = inCluster.Where(silhouetteOf.ContainsKey).Select(i => silhouetteOf[i]).ToArray();
            var representatives = inCluster.OrderBy(i => nearest[i]).ThenBy(i => i).Take(_options.RepresentativeCount)
                .Select(i => new RepresentativeMessage(messages[i].MessageId, Round(nearest[i]), Cut(messages[i].Text)))
                .ToList();
            clusters.Add(new ClusterSummary(
                c,
                names[c].Name,
                names[c].Why,
                names[c].Archetype,
                inCluster.Length,
                Round(inCluster.Length / (double)n),
                Round(sampled.Length > 0 ? sampled.Average() : 0),
                Round(inCluster.Count(i => margin[i] < _options.WeakMargin) / (double)Math.Max(1, inCluster.Length)),
                topTerms[c],
                shares[c],
                representatives));
        }

        var assignments = Enumerable.Range(0, n)
            .Select(i => new MessageAssignment(messages[i].MessageId, labels[i], names[labels[i]].Name, Round(nearest[i]), Round(margin[i]), margin[i] < _options.WeakMargin, Round(xs[i]), Round(ys[i])))
            .ToList();
        var quality = new ClusteringQuality(
            Round(sampleSilhouettes.Average()),
            sample.Length,
            stabilitySeeds,
            stability,
            Round(stability.Length > 0 ? stability.Average() : 1),
            Round(stability.Length > 0 ? stability.Min() : 1),
            _options.WeakMargin,
            Round(margin.Count(m => m < _options.WeakMargin) / (double)n),
            _options.WeakSilhouette,
            Round(sampleSilhouettes.Count(s => s < _options.WeakSilhouette) / (double)sampleSilhouettes.Length));
        var analysis = new ClusterAnalysis(
            _options.Seed,
            k,
            _options.Clusters is not null,
            _options.Clusters is not null ? "forced by --clusters" : SilhouetteCriterion,
            n,
            inputs,
            new FeatureSummary(features.Tfidf.Vocabulary.Length, features.LsaDimensions, features.LsaExplainedShare, features.CategoricalNames.Length, _options.CategoricalWeight),
            quality,
            curve,
            clusters);
        return new ClusteringResult(analysis, assignments, messages, categories);
    }

    /// <summary>Renumbers clusters by size, largest first (ties: the cluster whose first message comes first).</summary>
    private static (int[] Labels, double[] Centroids) OrderBySize(KMeansResult fit, int dim)
    {
        var k = fit.K;
        var sizes = new int[k];
        var first = Enumerable.Repeat(int.MaxValue, k).ToArray();
        for (var i = 0; i < fit.Labels.Length; i++)
        {
            sizes[fit.Labels[i]]++;
            first[fit.Labels[i]] = Math.Min(first[fit.Labels[i]], i);
        }

        var order = Enumerable.Range(0, k).OrderByDescending(c => sizes[c]).ThenBy(c => first[c]).ToArray();
        var newId = new int[k];
        for (var r = 0; r < k; r++)
            newId[order[r]] = r;
        var centroids = new double[k * dim];
        for (var r = 0; r < k; r++)
            fit.Centroids.AsSpan(order[r] * dim, dim).CopyTo(centroids.AsSpan(r * dim, dim));
        return ([.. fit.Labels.Select(l => newId[l])], centroids);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, double>> CategoryShares(int[] members, IReadOnlyList<MessageCategories> categories)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var facet in ClusteringRules.Facets)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var i in members)
            {
                foreach (var value in FacetValues(categories[i]).Where(v => v.StartsWith(facet + ":", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
                {
                    var name = value[(facet.Length + 1)..];
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                }
            }

            result[facet] = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .ToDictionary(p => p.Key, p => Round(p.Value / (double)Math.Max(1, members.Length)), StringComparer.Ordinal);
        }

        return result;
    }

    private static string Cut(string text) =>
        text.Length <= RepresentativeTextLength ? text : string.Concat(text.AsSpan(0, RepresentativeTextLength - 1), "…");
}

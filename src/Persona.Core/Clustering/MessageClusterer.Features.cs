using Persona.Core.Categorization;
using Persona.Core.Import;

namespace Persona.Core.Clustering;

public sealed partial class MessageClusterer
{
    /// <summary>
    /// [LSA block, unit norm] ++ [categorical block, norm = CategoricalWeight], then the whole row L2-normalised.
    /// The categorical block one-hot encodes topic, tone and length and flags every reasoning marker and question type.
    /// </summary>
    private FeatureSpace BuildFeatures(IReadOnlyList<PersonMessage> messages, IReadOnlyList<MessageCategories> categories, IProgress<ClusteringProgress>? progress)
    {
        var n = messages.Count;
        var tfidf = TfidfVectorizer.FitTransform([.. messages.Select(m => m.Text)], _rules.StopWords, _options.MinDocumentFrequency, _options.MaxDocumentShare, _options.MaxFeatures);
        progress?.Report(new("lsa", 0, 1));
        var (lsa, sigma, rank) = RandomizedSvd.Embed(tfidf.Weights, _options.LsaDimensions, SeedSequence.Derive(_options.Seed, 11));
        var total = tfidf.Weights.Value.Sum(v => (double)v * v);
        var explained = total > 0 ? sigma.Sum(s => s * s) / total : 0;

        progress?.Report(new("categorical features", 0, 1));
        var names = categories.SelectMany(FacetValues).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var dim = rank + names.Length;
        var points = new double[n * dim];
        Parallel.For(0, n, i =>
        {
            var row = points.AsSpan(i * dim, dim);
            var text = row[..rank];
            lsa.AsSpan(i * rank, rank).CopyTo(text);
            Scale(text, 1.0);
            var categorical = row[rank..];
            foreach (var value in FacetValues(categories[i]))
                categorical[index[value]] = 1;
            Scale(categorical, _options.CategoricalWeight);
            Scale(row, 1.0);
        });

        return new FeatureSpace(points, dim, tfidf, rank, Round(explained), names);
    }

    internal static IEnumerable<string> FacetValues(MessageCategories c)
    {
        yield return "topic:" + c.Topic.Value.Value;
        yield return "tone:" + c.Tone.Value.Value;
        yield return "length:" + LengthName(c.Length.Value);
        foreach (var marker in c.ReasoningMarkers)
            yield return "marker:" + marker.Value.Value;
        foreach (var question in c.QuestionTypes)
            yield return "question:" + question.Value.Value;
    }

    internal static string LengthName(LengthCategory length) => length switch
    {
        LengthCategory.Short => "short",
        LengthCategory.Medium => "medium",
        _ => "long",
    };

    private static void Scale(Span<double> vector, double norm)
    {
        var sum = 0.0;
        foreach (var v in vector)
            sum += v * v;
        if (sum <= 0)
            return;
        var factor = norm / Math.Sqrt(sum);
        for (var i = 0; i < vector.Length; i++)
            vector[i] *= factor;
    }
}

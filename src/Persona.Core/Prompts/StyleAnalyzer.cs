namespace Persona.Core.Prompts;

/// <summary>
/// Measures every persona's style. Characteristic vocabulary is relative: a word counts when the persona
/// uses it in more of its messages than the other personas do (smoothed log-odds of document frequency).
/// </summary>
internal static class StyleAnalyzer
{
    private const int MaxOpeners = 3;
    private const int MaxTerms = 8;

    public static IReadOnlyList<PersonaAnalysis> Analyze(IReadOnlyList<PersonaMessageSet> sources)
    {
        var features = sources
            .Select(source => source.Messages
                .OrderBy(message => message.MessageId, StringComparer.Ordinal)
                .Select(message => MessageFeatureExtractor.Extract(message.MessageId, message.Text))
                .ToList())
            .ToList();
        var documentFrequencies = features.Select(DocumentFrequency).ToList();
        return sources.Select((source, index) => Analyze(source, features[index], documentFrequencies, index)).ToList();
    }

    private static PersonaAnalysis Analyze(PersonaMessageSet source, List<MessageFeatures> features, List<Dictionary<string, int>> frequencies, int index)
    {
        var evidence = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        double Rate(string key, Func<MessageFeatures, bool> predicate)
        {
            var ids = features.Where(predicate).Select(feature => feature.MessageId).ToList();
            evidence[key] = ids;
            return Share(ids.Count, features.Count);
        }

        var lengths = features.Select(feature => (double)feature.WordCount).Order().ToList();
        var median = Quantile(lengths, 0.5);
        evidence["length"] = features.OrderBy(feature => Math.Abs(feature.WordCount - median)).ThenBy(feature => feature.MessageId, StringComparer.Ordinal)
            .Select(feature => feature.MessageId).ToList();
        var sentences = features.Count == 0 ? 0 : features.Average(feature => feature.Sentences);
        var wordsPerSentence = features.Count == 0 ? 0 : features.Sum(feature => feature.WordCount) / (double)Math.Max(1, features.Sum(feature => feature.Sentences));

        var openers = features.Where(feature => feature.Opener is not null).GroupBy(feature => feature.Opener!, StringComparer.Ordinal)
            .Select(group => (Term: group.Key, Ids: group.Select(feature => feature.MessageId).ToList()))
            .Where(group => group.Ids.Count >= 2)
            .OrderByDescending(group => group.Ids.Count).ThenBy(group => group.Term, StringComparer.Ordinal)
            .Take(MaxOpeners).ToList();
        foreach (var (term, ids) in openers)
            evidence["opener:" + term] = ids;

        var terms = DistinctiveTerms(frequencies, index, features.Count, frequencies.Where((_, i) => i != index).Sum(f => f.GetValueOrDefault("\0count")));
        foreach (var term in terms)
            evidence["term:" + term.Term] = features.Where(feature => feature.Words.Contains(term.Term)).Select(feature => feature.MessageId).ToList();

        var categories = CategoryShares(source, features, evidence);
        var profile = new StyleProfile(
            features.Count,
            median,
            Quantile(lengths, 0.25),
            Quantile(lengths, 0.75),
            Math.Round(sentences, 2),
            Math.Round(wordsPerSentence, 1),
            Rate("question", feature => feature.Question),
            Rate("imperative", feature => feature.Imperative),
            Rate("polite", feature => feature.Polite),
            Rate("exclamation", feature => feature.Exclamation),
            Rate("lowercase", feature => feature.LowercaseStart),
            Rate("emoji", feature => feature.Emoji),
            Rate("code", feature => feature.Code),
            Rate("list", feature => feature.List),
            Rate("because", feature => feature.Because),
            Rate("conditional", feature => feature.Conditional),
            Rate("hedge", feature => feature.Hedge),
            openers.Select(group => new TermShare(group.Term, Share(group.Ids.Count, features.Count), group.Ids.Count)).ToList(),
            terms,
            categories);
        evidence["statement"] = features.Where(feature => !feature.Question).Select(feature => feature.MessageId).ToList();
        evidence["impolite"] = features.Where(feature => !feature.Polite).Select(feature => feature.MessageId).ToList();
        return new PersonaAnalysis(source, features, profile, evidence);
    }

    private static Dictionary<string, int> DocumentFrequency(List<MessageFeatures> features)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal) { ["\0count"] = features.Count };
        foreach (var feature in features)
        {
            foreach (var word in feature.Words.Distinct(StringComparer.Ordinal))
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }

        return frequency;
    }

    private static List<TermShare> DistinctiveTerms(List<Dictionary<string, int>> frequencies, int index, int count, int othersCount)
    {
        var own = frequencies[index];
        var minimum = count >= 6 ? 2 : 1;
        return own
            .Where(pair => pair.Key != "\0count" && pair.Value >= minimum && pair.Key.Length >= 3 && !Stopwords.English.Contains(pair.Key) && !pair.Key.All(char.IsDigit))
            .Select(pair =>
            {
                var others = frequencies.Where((_, i) => i != index).Sum(f => f.GetValueOrDefault(pair.Key));
                var score = Math.Log((pair.Value + 0.5) / (count - pair.Value + 0.5)) - Math.Log((others + 0.5) / (othersCount - others + 0.5));
                return (pair.Key, pair.Value, Score: othersCount == 0 ? pair.Value : score);
            })
            .OrderByDescending(term => term.Score).ThenByDescending(term => term.Value).ThenBy(term => term.Key, StringComparer.Ordinal)
            .Take(MaxTerms)
            .Select(term => new TermShare(term.Key, Share(term.Value, count), term.Value))
            .ToList();
    }

    private static List<TermShare> CategoryShares(PersonaMessageSet source, List<MessageFeatures> features, Dictionary<string, IReadOnlyList<string>> evidence)
    {
        if (source.Categories is null || features.Count == 0)
            return [];
        var byLabel = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            if (!source.Categories.TryGetValue(feature.MessageId, out var labels))
                continue;
            foreach (var label in labels.Distinct(StringComparer.Ordinal))
            {
                if (!byLabel.TryGetValue(label, out var ids))
                    byLabel[label] = ids = [];
                ids.Add(feature.MessageId);
            }
        }

        var shares = byLabel.OrderByDescending(pair => pair.Value.Count).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(5).ToList();
        foreach (var (label, ids) in shares)
            evidence["category:" + label] = ids;
        return shares.Select(pair => new TermShare(pair.Key, Share(pair.Value.Count, features.Count), pair.Value.Count)).ToList();
    }

    private static double Share(int count, int total) => total == 0 ? 0 : Math.Round((double)count / total, 3);

    private static double Quantile(List<double> sorted, double q)
    {
        if (sorted.Count == 0)
            return 0;
        var position = (sorted.Count - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return Math.Round(sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower)), 1);
    }
}

namespace Persona.Core.Training;

public sealed partial class LoraDataBuilder
{
    /// <summary>Length, token and dump filters per item; then exact and near duplicates in source order; then templates among what is left.</summary>
    private List<Candidate> ApplyFilters(List<Candidate> candidates, List<FilterRemoval> removed)
    {
        var o = _options;
        var survivors = new List<Candidate>();
        foreach (var c in candidates)
        {
            var chars = Chars(c.Text);
            if (chars < o.MinChars)
            {
                removed.Add(new FilterRemoval(c.Id, FilterKind.TooShort, Invariant($"{chars} characters")));
                continue;
            }

            if (chars > o.MaxChars)
            {
                removed.Add(new FilterRemoval(c.Id, FilterKind.TooLong, Invariant($"{chars} characters")));
                continue;
            }

            var tokens = _tokenizer.CountTokens(c.Text);
            if (tokens < o.MinTokens)
            {
                removed.Add(new FilterRemoval(c.Id, FilterKind.TooFewTokens, Invariant($"{tokens} tokens")));
                continue;
            }

            if (tokens > o.MaxTokens)
            {
                removed.Add(new FilterRemoval(c.Id, FilterKind.TooManyTokens, Invariant($"{tokens} tokens")));
                continue;
            }

            if (DumpClassifier.Classify(c.Text, o.CodeDumpThreshold, out var detail) is { } dump)
            {
                removed.Add(new FilterRemoval(c.Id, dump, detail));
                continue;
            }

            survivors.Add(c);
        }

        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var near = new NearDuplicateIndex(o.NearDuplicateThreshold);
        var unique = new List<Candidate>();
        foreach (var c in survivors)
        {
            var normalized = TextNormalizer.Normalize(c.Text);
            if (exact.TryGetValue(normalized, out var first))
            {
                removed.Add(new FilterRemoval(c.Id, FilterKind.ExactDuplicate, "duplicate of " + first));
                continue;
            }

            exact[normalized] = c.Id;
            if (near.AddOrMatch(c.Id, normalized) is { } match)
            {
                removed.Add(new FilterRemoval(c.Id, FilterKind.NearDuplicate, NearDuplicateIndex.Describe(match.Id, match.Similarity)));
                continue;
            }

            unique.Add(c);
        }

        var templated = TemplateDetector.Find(unique.Select(c => (c.Id, c.Text)), o.TemplateMinRepeats);
        var kept = new List<Candidate>(unique.Count);
        foreach (var c in unique)
        {
            if (templated.TryGetValue(c.Id, out var why))
                removed.Add(new FilterRemoval(c.Id, FilterKind.Templated, why));
            else
                kept.Add(c);
        }

        return kept;
    }
}

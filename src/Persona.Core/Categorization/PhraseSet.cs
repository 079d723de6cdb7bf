namespace Persona.Core.Categorization;

/// <summary>
/// A compiled list of lexicon phrases (token sequences; a trailing <c>*</c> on the last word matches
/// any word with that prefix), looked up by first token for speed.
/// </summary>
internal sealed class PhraseSet
{
    private readonly Dictionary<string, List<string[]>> _exact = new(StringComparer.Ordinal);
    private readonly List<string[]> _prefixed = [];

    public PhraseSet(IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (string.IsNullOrWhiteSpace(phrase))
                continue;
            var wildcard = phrase.EndsWith('*');
            var tokens = WordTokenizer.Tokenize(wildcard ? phrase[..^1] : phrase);
            if (tokens.Count == 0)
                continue;
            if (wildcard)
                tokens[^1] += "*";
            var array = tokens.ToArray();
            if (tokens.Count == 1 && wildcard)
            {
                _prefixed.Add(array);
                continue;
            }

            var first = array[0].TrimEnd('*');
            if (!_exact.TryGetValue(first, out var list))
                _exact[first] = list = [];
            list.Add(array);
        }
    }

    /// <summary>Number of phrase occurrences in the tokens (each position counts its longest match once).</summary>
    public int Count(IReadOnlyList<string> tokens)
    {
        var count = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (MatchLength(tokens, i) > 0)
                count++;
        }

        return count;
    }

    /// <summary>Length in tokens of the longest phrase starting at <paramref name="start"/>; 0 when none.</summary>
    public int MatchLength(IReadOnlyList<string> tokens, int start)
    {
        var best = 0;
        if (_exact.TryGetValue(tokens[start], out var candidates))
        {
            foreach (var phrase in candidates)
            {
                if (phrase.Length > best && Matches(tokens, start, phrase))
                    best = phrase.Length;
            }
        }

        if (best == 0)
        {
            foreach (var phrase in _prefixed)
            {
                if (tokens[start].StartsWith(phrase[0].AsSpan(0, phrase[0].Length - 1), StringComparison.Ordinal))
                    return 1;
            }
        }

        return best;
    }

    private static bool Matches(IReadOnlyList<string> tokens, int start, string[] phrase)
    {
        if (start + phrase.Length > tokens.Count)
            return false;
        for (var j = 0; j < phrase.Length; j++)
        {
            var p = phrase[j];
            var ok = p.EndsWith('*')
                ? tokens[start + j].StartsWith(p.AsSpan(0, p.Length - 1), StringComparison.Ordinal)
                : string.Equals(tokens[start + j], p, StringComparison.Ordinal);
            if (!ok)
                return false;
        }

        return true;
    }
}

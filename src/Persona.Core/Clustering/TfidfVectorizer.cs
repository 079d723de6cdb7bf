using Persona.Core.Categorization;

namespace Persona.Core.Clustering;

/// <summary>
/// TF-IDF over words and adjacent-word bigrams: <see cref="WordTokenizer"/> tokens, stop words
/// removed (bigrams are formed from the remaining neighbours), terms kept when they occur in at
/// least <c>minDf</c> documents and at most <c>maxDfShare</c> of them, the <c>maxFeatures</c> most
/// frequent kept (ties by term); tf is sublinear (1 + ln tf), idf smooth (ln((1+n)/(1+df)) + 1), rows L2-normalised.
/// </summary>
internal static class TfidfVectorizer
{
    public static TfidfMatrix FitTransform(IReadOnlyList<string> documents, IReadOnlySet<string> stopWords, int minDf, double maxDfShare, int maxFeatures)
    {
        var docTerms = new Dictionary<string, int>[documents.Count];
        Parallel.For(0, documents.Count, i => docTerms[i] = CountTerms(documents[i], stopWords));

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in docTerms)
        {
            foreach (var term in terms.Keys)
                df[term] = df.GetValueOrDefault(term) + 1;
        }

        var n = documents.Count;
        var maxDf = Math.Max(minDf, (int)Math.Floor(maxDfShare * n));
        var vocabulary = df.Where(p => p.Value >= minDf && p.Value <= maxDf)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(maxFeatures)
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var index = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (var t = 0; t < vocabulary.Length; t++)
            index[vocabulary[t]] = t;
        var idf = vocabulary.Select(t => Math.Log((1.0 + n) / (1.0 + df[t])) + 1.0).ToArray();

        var rowStart = new int[n + 1];
        var rows = new (int Term, int Count)[n][];
        for (var i = 0; i < n; i++)
        {
            rows[i] = [.. docTerms[i].Where(p => index.ContainsKey(p.Key)).Select(p => (index[p.Key], p.Value)).OrderBy(p => p.Item1)];
            rowStart[i + 1] = rowStart[i] + rows[i].Length;
        }

        var column = new int[rowStart[n]];
        var weight = new float[rowStart[n]];
        var count = new float[rowStart[n]];
        Parallel.For(0, n, i =>
        {
            var start = rowStart[i];
            var norm = 0.0;
            for (var j = 0; j < rows[i].Length; j++)
            {
                var (term, c) = rows[i][j];
                column[start + j] = term;
                count[start + j] = c;
                var w = (1.0 + Math.Log(c)) * idf[term];
                weight[start + j] = (float)w;
                norm += w * w;
            }

            var scale = norm > 0 ? 1.0 / Math.Sqrt(norm) : 0;
            for (var j = 0; j < rows[i].Length; j++)
                weight[start + j] = (float)(weight[start + j] * scale);
        });

        return new TfidfMatrix(
            new SparseMatrix(n, vocabulary.Length, rowStart, column, weight),
            new SparseMatrix(n, vocabulary.Length, rowStart, column, count),
            vocabulary,
            idf);
    }

    private static Dictionary<string, int> CountTerms(string text, IReadOnlySet<string> stopWords)
    {
        var tokens = WordTokenizer.Tokenize(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var token in tokens)
        {
            if (stopWords.Contains(token) || (token.Length < 2 && !char.IsDigit(token[0])))
            {
                previous = null;
                continue;
            }

            counts[token] = counts.GetValueOrDefault(token) + 1;
            if (previous is not null)
            {
                var bigram = previous + " " + token;
                counts[bigram] = counts.GetValueOrDefault(bigram) + 1;
            }

            previous = token;
        }

        return counts;
    }
}

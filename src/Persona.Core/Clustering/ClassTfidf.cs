namespace Persona.Core.Clustering;

/// <summary>
/// Class-based TF-IDF (as popularised by BERTopic): a cluster's term frequency relative to its size,
/// times ln(1 + A / f), where A is the mean number of term occurrences per cluster and f the term's
/// total frequency. Terms that are frequent in one cluster and rare elsewhere rank first.
/// </summary>
internal static class ClassTfidf
{
    public static IReadOnlyList<TermWeight>[] TopTerms(TfidfMatrix tfidf, int[] labels, int k, int count)
    {
        var counts = tfidf.Counts;
        var vocabulary = tfidf.Vocabulary.Length;
        var perCluster = new double[k][];
        for (var c = 0; c < k; c++)
            perCluster[c] = new double[vocabulary];
        for (var i = 0; i < counts.Rows; i++)
        {
            var row = perCluster[labels[i]];
            for (var p = counts.RowStart[i]; p < counts.RowStart[i + 1]; p++)
                row[counts.Column[p]] += counts.Value[p];
        }

        var termTotals = new double[vocabulary];
        var clusterTotals = new double[k];
        for (var c = 0; c < k; c++)
        {
            for (var t = 0; t < vocabulary; t++)
            {
                termTotals[t] += perCluster[c][t];
                clusterTotals[c] += perCluster[c][t];
            }
        }

        var average = clusterTotals.Sum() / k;
        var result = new IReadOnlyList<TermWeight>[k];
        for (var c = 0; c < k; c++)
        {
            var cluster = perCluster[c];
            var total = Math.Max(1, clusterTotals[c]);
            result[c] = [.. Enumerable.Range(0, vocabulary)
                .Where(t => cluster[t] > 0)
                .Select(t => (Term: t, Weight: cluster[t] / total * Math.Log(1 + (average / termTotals[t]))))
                .OrderByDescending(p => p.Weight).ThenBy(p => tfidf.Vocabulary[p.Term], StringComparer.Ordinal)
                .Take(count)
                .Select(p => new TermWeight(tfidf.Vocabulary[p.Term], MessageClusterer.Round(p.Weight)))];
        }

        return result;
    }
}

namespace Persona.Core.Training;

/// <summary>Token counts of a set of examples (whole conversation, and the trained assistant part).</summary>
/// <param name="Examples">Examples counted.</param>
/// <param name="TotalTokens">Sum over examples of all tokens.</param>
/// <param name="TrainedTokens">Sum of the tokens the loss is computed on.</param>
/// <param name="Min">Shortest example.</param>
/// <param name="Median">Median example.</param>
/// <param name="P95">95th percentile (nearest rank).</param>
/// <param name="Max">Longest example.</param>
/// <param name="Mean">Mean example length, rounded to 0.1.</param>
public sealed record TokenStatistics(int Examples, long TotalTokens, long TrainedTokens, int Min, int Median, int P95, int Max, double Mean)
{
    public static TokenStatistics Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static TokenStatistics From(IReadOnlyList<(int Total, int Trained)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
            return Empty;
        var sorted = counts.Select(c => c.Total).Order().ToArray();
        long total = sorted.Sum(x => (long)x);
        long trained = counts.Sum(c => (long)c.Trained);
        int Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new TokenStatistics(sorted.Length, total, trained, sorted[0], Rank(0.5), Rank(0.95), sorted[^1], Math.Round((double)total / sorted.Length, 1));
    }
}

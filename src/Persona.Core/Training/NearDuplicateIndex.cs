using System.Globalization;
using System.Text;

namespace Persona.Core.Training;

/// <summary>
/// Finds near-duplicates among kept texts: character 5-gram sets compared by Jaccard similarity.
/// MinHash signatures (64 hashes, 16 bands of 4) propose candidates; every candidate is confirmed
/// with the exact Jaccard of the two sets, so the threshold is exact and only recall depends on the bands
/// (a pair at J = 0.8 is proposed with probability above 0.999). Deterministic: fixed hash constants.
/// </summary>
internal sealed class NearDuplicateIndex
{
    private const int ShingleLength = 5;
    private const int Hashes = 64;
    private const int Bands = 16;
    private const int Rows = Hashes / Bands;

    private readonly double _threshold;
    private readonly List<(string Id, HashSet<ulong> Shingles)> _kept = [];
    private readonly Dictionary<(int Band, ulong Key), List<int>> _buckets = [];

    public NearDuplicateIndex(double threshold)
    {
        _threshold = threshold;
    }

    /// <summary>Adds the text unless it is a near-duplicate of one already added; then returns that one's id and the similarity.</summary>
    public (string Id, double Similarity)? AddOrMatch(string id, string normalizedText)
    {
        var shingles = Shingles(normalizedText);
        var signature = Signature(shingles);
        var bandKeys = new ulong[Bands];
        var checkedIds = new HashSet<int>();
        (string, double)? best = null;
        for (var b = 0; b < Bands; b++)
        {
            var key = 1469598103934665603UL;
            for (var r = 0; r < Rows; r++)
                key = Mix(key ^ signature[(b * Rows) + r]);
            bandKeys[b] = key;
            if (!_buckets.TryGetValue((b, key), out var members))
                continue;
            foreach (var m in members)
            {
                if (!checkedIds.Add(m))
                    continue;
                var similarity = Jaccard(shingles, _kept[m].Shingles);
                if (similarity >= _threshold && (best is null || similarity > best.Value.Item2))
                    best = (_kept[m].Id, similarity);
            }
        }

        if (best is not null)
            return best;
        var index = _kept.Count;
        _kept.Add((id, shingles));
        for (var b = 0; b < Bands; b++)
        {
            if (!_buckets.TryGetValue((b, bandKeys[b]), out var members))
                _buckets[(b, bandKeys[b])] = members = [];
            members.Add(index);
        }

        return null;
    }

    public static string Describe(string id, double similarity) =>
        string.Create(CultureInfo.InvariantCulture, $"near-duplicate of {id} (Jaccard {similarity:0.000})");

    internal static HashSet<ulong> Shingles(string text)
    {
        var set = new HashSet<ulong>();
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= ShingleLength)
        {
            set.Add(Fnv(bytes));
            return set;
        }

        for (var i = 0; i + ShingleLength <= bytes.Length; i++)
            set.Add(Fnv(bytes.AsSpan(i, ShingleLength)));
        return set;
    }

    internal static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        var union = a.Count + b.Count - common;
        return union == 0 ? 1 : (double)common / union;
    }

    private static ulong[] Signature(HashSet<ulong> shingles)
    {
        var signature = new ulong[Hashes];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var s in shingles)
        {
            for (var i = 0; i < Hashes; i++)
            {
                var h = Mix(s + (0x9E3779B97F4A7C15UL * (ulong)(i + 1)));
                if (h < signature[i])
                    signature[i] = h;
            }
        }

        return signature;
    }

    private static ulong Fnv(ReadOnlySpan<byte> bytes)
    {
        var h = 14695981039346656037UL;
        foreach (var b in bytes)
            h = (h ^ b) * 1099511628211UL;
        return h;
    }

    // SplitMix64 finalizer.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

using System.Text;
using static System.FormattableString;

namespace Persona.Core.Prompts;

/// <summary>
/// The held-out distinctness check. Each persona's messages are split by a seeded hash of the message id;
/// a multinomial naive-Bayes profile (words plus style tokens, Laplace smoothing, uniform prior) is built
/// from the rest, and each held-out message is attributed to the most likely persona.
/// </summary>
internal static class DistinctnessAnalyzer
{
    public static DistinctnessReport Analyze(IReadOnlyList<PersonaAnalysis> personas, PromptGenerationOptions options)
    {
        var names = personas.Select(persona => persona.Source.Name).ToList();
        var tokens = personas.Select(persona => persona.Features.Select(Tokens).ToList()).ToList();
        var heldOut = personas.Select(persona => persona.Features.Select(feature => IsHeldOut(feature.MessageId, options)).ToList()).ToList();
        for (var p = 0; p < personas.Count; p++)
        {
            // A persona needs training messages; if the hash held out all of them, train on everything.
            if (heldOut[p].All(held => held))
                heldOut[p] = heldOut[p].Select(_ => false).ToList();
        }

        var counts = new List<Dictionary<string, int>>();
        var totals = new List<int>();
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < personas.Count; p++)
        {
            var count = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var m = 0; m < tokens[p].Count; m++)
            {
                if (heldOut[p][m])
                    continue;
                foreach (var token in tokens[p][m])
                {
                    count[token] = count.GetValueOrDefault(token) + 1;
                    vocabulary.Add(token);
                }
            }

            counts.Add(count);
            totals.Add(count.Values.Sum());
        }

        var confusion = personas.Select(_ => new int[personas.Count]).ToArray();
        var attributed = 0;
        var correct = 0;
        for (var p = 0; p < personas.Count; p++)
        {
            for (var m = 0; m < tokens[p].Count; m++)
            {
                if (!heldOut[p][m])
                    continue;
                var best = Attribute(tokens[p][m], counts, totals, vocabulary.Count + 1);
                confusion[p][best]++;
                attributed++;
                if (best == p)
                    correct++;
            }
        }

        var similarity = Similarity(personas.Select(persona => persona.Features.SelectMany(Tokens).ToList()).ToList());
        var chance = personas.Count == 0 ? 0 : 1.0 / personas.Count;
        var majority = attributed == 0 ? 0 : confusion.Max(row => row.Sum()) / (double)attributed;
        var accuracy = attributed == 0 ? 0 : correct / (double)attributed;
        var warnings = new List<string>();
        for (var a = 0; a < personas.Count; a++)
        {
            for (var b = a + 1; b < personas.Count; b++)
            {
                if (similarity[a][b] >= options.SimilarityWarningThreshold)
                    warnings.Add(Invariant($"personas “{names[a]}” and “{names[b]}” are too similar (style similarity {similarity[a][b]:0.000} ≥ {options.SimilarityWarningThreshold:0.00}): consider merging them or re-clustering"));
            }
        }

        if (personas.Count > 1 && attributed > 0 && accuracy <= chance)
            warnings.Add(Invariant($"held-out attribution accuracy {accuracy:0.000} is not above chance {chance:0.000}: the prompts do not capture distinct modes"));
        if (personas.Count > 1 && attributed == 0)
            warnings.Add("too few messages to hold any out: distinctness was not measured");

        return new DistinctnessReport(names,
            similarity.Select(row => (IReadOnlyList<double>)row.Select(value => Math.Round(value, 4)).ToList()).ToList(),
            confusion.Select(row => (IReadOnlyList<int>)row.ToList()).ToList(),
            attributed, Math.Round(accuracy, 4), Math.Round(chance, 4), Math.Round(majority, 4), options.SimilarityWarningThreshold, warnings);
    }

    internal static bool IsHeldOut(string messageId, PromptGenerationOptions options)
    {
        // FNV-1a over the seed and the id: stable across runs and platforms (string.GetHashCode is not).
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(Invariant($"{options.Seed}:{messageId}")))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return (hash % 10_000) < options.HeldOutFraction * 10_000;
    }

    private static List<string> Tokens(MessageFeatures feature) => [.. feature.Words, .. feature.StyleTokens()];

    private static int Attribute(List<string> tokens, List<Dictionary<string, int>> counts, List<int> totals, int vocabularySize)
    {
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var p = 0; p < counts.Count; p++)
        {
            var denominator = Math.Log(totals[p] + vocabularySize);
            var score = tokens.Sum(token => Math.Log(counts[p].GetValueOrDefault(token) + 1) - denominator);
            if (score > bestScore)
            {
                bestScore = score;
                best = p;
            }
        }

        return best;
    }

    private static double[][] Similarity(List<List<string>> documents)
    {
        var k = documents.Count;
        var termCounts = documents.Select(document => document.GroupBy(token => token, StringComparer.Ordinal).ToDictionary(group => group.Key, group => (double)group.Count(), StringComparer.Ordinal)).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in termCounts.SelectMany(counts => counts.Keys))
            documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        var vectors = termCounts.Select(counts => counts.ToDictionary(
            pair => pair.Key,
            pair => pair.Value * (Math.Log((1.0 + k) / (1.0 + documentFrequency[pair.Key])) + 1.0),
            StringComparer.Ordinal)).ToList();
        var norms = vectors.Select(vector => Math.Sqrt(vector.Values.Sum(value => value * value))).ToList();
        var matrix = new double[k][];
        for (var a = 0; a < k; a++)
        {
            matrix[a] = new double[k];
            for (var b = 0; b < k; b++)
            {
                if (a == b)
                {
                    matrix[a][b] = norms[a] > 0 ? 1 : 0;
                    continue;
                }

                if (b < a)
                {
                    matrix[a][b] = matrix[b][a];
                    continue;
                }

                var dot = vectors[a].Sum(pair => pair.Value * vectors[b].GetValueOrDefault(pair.Key));
                matrix[a][b] = norms[a] > 0 && norms[b] > 0 ? dot / (norms[a] * norms[b]) : 0;
            }
        }

        return matrix;
    }
}

using System.Globalization;

namespace Persona.Core.Clustering;

/// <summary>
/// Names clusters from their evidence. Archetypes (from the rules, in order) go to the cluster that
/// meets all their conditions with the largest total excess, each archetype at most once; other
/// clusters are named "Topic (tone)". Names are then made unique (a distinguishing top term, then a
/// number). Every name comes with a one-line why citing the shares and top terms behind it.
/// </summary>
public static class ClusterNamer
{
    public static IReadOnlyList<ClusterName> Name(
        IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> shares,
        IReadOnlyList<IReadOnlyList<TermWeight>> topTerms,
        IReadOnlyList<Archetype> archetypes)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentNullException.ThrowIfNull(topTerms);
        ArgumentNullException.ThrowIfNull(archetypes);
        var k = shares.Count;
        var names = new ClusterName?[k];
        foreach (var archetype in archetypes)
        {
            var best = -1;
            var bestScore = double.MinValue;
            for (var c = 0; c < k; c++)
            {
                if (names[c] is not null || !archetype.Conditions.All(x => Share(shares[c], x.Facet, x.Value) >= x.MinShare))
                    continue;
                var score = archetype.Conditions.Sum(x => Share(shares[c], x.Facet, x.Value) - x.MinShare);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = c;
                }
            }

            if (best >= 0)
            {
                var evidence = string.Join(", ", archetype.Conditions.Select(x => $"{Percent(Share(shares[best], x.Facet, x.Value))} {Describe(x.Facet, x.Value)}"));
                var why = $"{(archetype.Why.Length > 0 ? archetype.Why : archetype.Name)}: {evidence}{Terms(topTerms[best])}";
                names[best] = new ClusterName(archetype.Name, why, archetype.Name);
            }
        }

        for (var c = 0; c < k; c++)
        {
            if (names[c] is not null)
                continue;
            var (topic, topicShare) = Dominant(shares[c], "topic");
            var (tone, toneShare) = Dominant(shares[c], "tone");
            var (length, lengthShare) = Dominant(shares[c], "length");
            var why = $"dominant topic {topic} ({Percent(topicShare)}), {tone} tone ({Percent(toneShare)}), {length} messages ({Percent(lengthShare)}){Terms(topTerms[c])}";
            names[c] = new ClusterName($"{Title(topic)} ({tone})", why, null);
        }

        return MakeUnique([.. names.Select(n => n!)], topTerms);
    }

    private static List<ClusterName> MakeUnique(List<ClusterName> names, IReadOnlyList<IReadOnlyList<TermWeight>> topTerms)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var duplicated = names.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = new List<ClusterName>(names.Count);
        for (var c = 0; c < names.Count; c++)
        {
            var name = names[c].Name;
            if (duplicated.Contains(name))
            {
                var term = topTerms[c].Select(t => t.Term).FirstOrDefault(t => !used.Contains($"{name} · {t}"));
                if (term is not null)
                    name = $"{name} · {term}";
            }

            var unique = name;
            for (var i = 2; !used.Add(unique); i++)
                unique = $"{name} {i}";
            result.Add(names[c] with { Name = unique });
        }

        return result;
    }

    private static double Share(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> shares, string facet, string value) =>
        shares.TryGetValue(facet, out var values) && values.TryGetValue(value, out var share) ? share : 0;

    private static (string Value, double Share) Dominant(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> shares, string facet) =>
        shares.TryGetValue(facet, out var values) && values.Count > 0
            ? values.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).First()
            : ("mixed", 0);

    private static string Describe(string facet, string value) => facet switch
    {
        "topic" => value,
        "tone" => value + " tone",
        "question" => $"\"{value.Replace('_', ' ')}\" questions",
        "marker" => $"\"{value}\" reasoning",
        "length" => value + " messages",
        _ => $"{facet} {value}",
    };

    private static string Terms(IReadOnlyList<TermWeight> terms) =>
        terms.Count == 0 ? string.Empty : "; top terms: " + string.Join(", ", terms.Take(5).Select(t => t.Term));

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Title(string value) =>
        value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..].Replace('_', ' ');
}

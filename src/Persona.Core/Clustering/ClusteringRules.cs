using Persona.Core.Configuration;

namespace Persona.Core.Clustering;

/// <summary>Naming archetypes and stop words from <c>config/clustering.yaml</c> (editable) or the built-in default.</summary>
public sealed class ClusteringRules
{
    /// <summary>The facets a naming condition can test, as they appear in the YAML and the analysis.</summary>
    public static readonly IReadOnlyList<string> Facets = ["topic", "tone", "question", "marker", "length"];

    private const string FileName = "clustering.yaml";
    private static readonly Lazy<ClusteringRules> LazyDefault = new(() => Parse(YamlDocumentReader.ReadEmbedded(FileName), "(built-in) config/" + FileName));

    private ClusteringRules(string source, string contentHash, IReadOnlyList<Archetype> archetypes, IReadOnlySet<string> stopWords)
    {
        Source = source;
        ContentHash = contentHash;
        Archetypes = archetypes;
        StopWords = stopWords;
    }

    public string Source { get; }

    public string ContentHash { get; }

    public IReadOnlyList<Archetype> Archetypes { get; }

    public IReadOnlySet<string> StopWords { get; }

    public static ClusteringRules Default => LazyDefault.Value;

    public static async Task<ClusteringRules> LoadAsync(string? path = null, CancellationToken cancellationToken = default)
    {
        var (yaml, source) = await YamlDocumentReader.ReadAsync(path, FileName, cancellationToken).ConfigureAwait(false);
        return Parse(yaml, source);
    }

    public static ClusteringRules Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(source);
        var document = YamlDocumentReader.Parse<ClusteringRulesDocument>(yaml, source);
        var errors = new List<string>();
        var archetypes = new List<Archetype>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (document.Archetypes?.Count ?? 0); i++)
        {
            var rule = document.Archetypes![i];
            var at = $"archetypes[{i}]";
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add($"{at}.name: required");
                continue;
            }

            if (!names.Add(rule.Name))
                errors.Add($"{at}.name: '{rule.Name}' appears twice; archetype names must be unique");
            var conditions = new List<(string, string, double)>();
            foreach (var (facet, values) in rule.When ?? [])
            {
                if (!Facets.Contains(facet))
                    errors.Add($"{at}.when.{facet}: unknown facet (known: {string.Join(", ", Facets)})");
                foreach (var (value, share) in values ?? [])
                {
                    if (share is < 0 or > 1)
                        errors.Add($"{at}.when.{facet}.{value}: share must be in 0..1, was {share}");
                    conditions.Add((facet, value, share));
                }
            }

            if (conditions.Count == 0)
                errors.Add($"{at}.when: at least one condition is required");
            archetypes.Add(new Archetype(rule.Name, rule.Why ?? string.Empty, conditions));
        }

        if (errors.Count > 0)
            throw new InvalidDataException($"{source}: invalid clustering rules:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors));
        var stopWords = new HashSet<string>(document.StopWords?.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.ToLowerInvariant()) ?? [], StringComparer.Ordinal);
        return new ClusteringRules(source, YamlDocumentReader.Hash(yaml), archetypes, stopWords);
    }
}

namespace Persona.Core.Clustering;

/// <summary>The shape of <c>config/clustering.yaml</c> as YAML maps it; validated by <see cref="ClusteringRules"/>.</summary>
internal sealed class ClusteringRulesDocument
{
    public List<ArchetypeRule>? Archetypes { get; set; }

    public List<string>? StopWords { get; set; }

    internal sealed class ArchetypeRule
    {
        public string? Name { get; set; }

        public string? Why { get; set; }

        /// <summary>facet (topic, tone, question, marker, length) → value → minimum share.</summary>
        public Dictionary<string, Dictionary<string, double>>? When { get; set; }
    }
}

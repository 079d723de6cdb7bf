namespace Persona.Core.Clustering;

/// <summary>A cluster's name, the one-line reason for it, and the archetype it earned (null when named from its categories).</summary>
public sealed record ClusterName(string Name, string Why, string? Archetype);

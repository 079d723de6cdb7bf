namespace Persona.Core.Clustering;

/// <summary>A named archetype and the minimum shares (facet → value → share) a cluster must show to earn it.</summary>
public sealed record Archetype(string Name, string Why, IReadOnlyList<(string Facet, string Value, double MinShare)> Conditions);

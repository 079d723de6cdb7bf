namespace Persona.Core.Clustering;

/// <summary>Content hashes of everything a clustering run depended on, so <c>--refresh</c> can tell what changed.</summary>
public sealed record ClusteringInputs(string Messages, string CategorizationRules, string ClusteringRules, string Options, string Categorizer);

namespace Persona.Core.Clustering;

/// <summary>A term and its class-based TF-IDF weight in a cluster.</summary>
public sealed record TermWeight(string Term, double Weight);

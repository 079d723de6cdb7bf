namespace Persona.Core.Clustering;

/// <summary>A step of a clustering run, for progress display.</summary>
public readonly record struct ClusteringProgress(string Step, int Done, int Total);

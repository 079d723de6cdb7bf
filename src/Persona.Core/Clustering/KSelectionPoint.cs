namespace Persona.Core.Clustering;

/// <summary>One point of the k-selection curve.</summary>
public sealed record KSelectionPoint(int K, double Silhouette, double Inertia, bool Chosen);

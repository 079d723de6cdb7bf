namespace Persona.Core.Clustering;

/// <summary>One k-means solution: labels, centroids (row-major k × dim), inertia, iterations run.</summary>
internal sealed record KMeansResult(int K, int[] Labels, double[] Centroids, double Inertia, int Iterations);

namespace Persona.Core.Clustering;

/// <summary>How <see cref="MessageClusterer"/> builds features, searches k and measures quality. Validated once by the clusterer.</summary>
public sealed record ClusteringOptions
{
    /// <summary>Forces k; null searches <see cref="MinClusters"/>..<see cref="MaxClusters"/> by silhouette.</summary>
    public int? Clusters { get; init; }

    public int MinClusters { get; init; } = 3;

    public int MaxClusters { get; init; } = 6;

    public int Seed { get; init; } = 42;

    public int LsaDimensions { get; init; } = 50;

    public int MinDocumentFrequency { get; init; } = 2;

    public double MaxDocumentShare { get; init; } = 0.5;

    public int MaxFeatures { get; init; } = 20000;

    /// <summary>Norm of the categorical block (topic, tone, markers, question types, length) next to the unit-norm text block.</summary>
    public double CategoricalWeight { get; init; } = 0.5;

    public int Restarts { get; init; } = 8;

    public int MaxIterations { get; init; } = 100;

    /// <summary>Extra k-means runs with other seeds at the chosen k, compared with the main run by adjusted Rand index.</summary>
    public int StabilityRuns { get; init; } = 4;

    /// <summary>Silhouettes are computed for at most this many messages (a seeded sample beyond it).</summary>
    public int SilhouetteSampleSize { get; init; } = 2000;

    /// <summary>A message is weakly assigned when (d₂ − d₁) / d₂ between its nearest and second centroid is below this.</summary>
    public double WeakMargin { get; init; } = 0.1;

    public double WeakSilhouette { get; init; } = 0.05;

    public int RepresentativeCount { get; init; } = 5;

    public int TopTermCount { get; init; } = 10;

    internal void Validate()
    {
        var errors = new List<string>();
        if (MinClusters < 2 || MaxClusters < MinClusters)
            errors.Add($"need 2 ≤ MinClusters ≤ MaxClusters, was {MinClusters}..{MaxClusters}");
        if (Clusters is < 2)
            errors.Add($"Clusters must be at least 2, was {Clusters}");
        if (LsaDimensions < 2)
            errors.Add($"LsaDimensions must be at least 2, was {LsaDimensions}");
        if (MinDocumentFrequency < 1)
            errors.Add($"MinDocumentFrequency must be at least 1, was {MinDocumentFrequency}");
        if (MaxDocumentShare is <= 0 or > 1)
            errors.Add($"MaxDocumentShare must be in (0, 1], was {MaxDocumentShare}");
        if (MaxFeatures < 10)
            errors.Add($"MaxFeatures must be at least 10, was {MaxFeatures}");
        if (CategoricalWeight < 0)
            errors.Add($"CategoricalWeight must not be negative, was {CategoricalWeight}");
        if (Restarts < 1 || MaxIterations < 1 || StabilityRuns < 0 || SilhouetteSampleSize < 10)
            errors.Add("Restarts and MaxIterations must be ≥ 1, StabilityRuns ≥ 0, SilhouetteSampleSize ≥ 10");
        if (RepresentativeCount < 1 || TopTermCount < 1)
            errors.Add("RepresentativeCount and TopTermCount must be at least 1");
        if (errors.Count > 0)
            throw new ArgumentException("invalid clustering options: " + string.Join("; ", errors));
    }
}

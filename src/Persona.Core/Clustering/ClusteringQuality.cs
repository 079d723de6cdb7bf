namespace Persona.Core.Clustering;

/// <summary>
/// Overall quality: mean silhouette (on <see cref="SilhouetteSampleSize"/> messages), stability as
/// adjusted Rand index against runs with other seeds, and the share of weakly assigned messages.
/// </summary>
public sealed record ClusteringQuality(
    double Silhouette,
    int SilhouetteSampleSize,
    IReadOnlyList<int> StabilitySeeds,
    IReadOnlyList<double> StabilityAri,
    double StabilityMeanAri,
    double StabilityMinAri,
    double WeakMarginThreshold,
    double WeakShare,
    double WeakSilhouetteThreshold,
    double LowSilhouetteShare);

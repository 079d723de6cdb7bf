namespace Persona.Core.Clustering;

/// <summary>The content of <c>clusters/cluster_analysis.json</c>: how the clusters were found, how good they are, and what is in each.</summary>
public sealed record ClusterAnalysis(
    int Seed,
    int K,
    bool KForced,
    string Criterion,
    int MessageCount,
    ClusteringInputs Inputs,
    FeatureSummary Features,
    ClusteringQuality Quality,
    IReadOnlyList<KSelectionPoint> KSelection,
    IReadOnlyList<ClusterSummary> Clusters);

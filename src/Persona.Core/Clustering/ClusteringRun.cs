namespace Persona.Core.Clustering;

/// <summary>The outcome of <see cref="ClusteringStage.RunAsync"/>. <see cref="Result"/> is null when an up-to-date earlier run was kept.</summary>
public sealed record ClusteringRun(ClusterAnalysis Analysis, ClusteringResult? Result, bool Reused, IReadOnlyList<string> Written, string ReportPath);

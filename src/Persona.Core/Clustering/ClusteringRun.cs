namespace Persona.Core.Clustering;

/// <summary>The outcome of <see cref="ClusteringStage.RunAsync"/>: the result (read back from the outputs when an up-to-date earlier run was kept) and what was written.</summary>
public sealed record ClusteringRun(ClusterAnalysis Analysis, ClusteringResult Result, bool Reused, IReadOnlyList<string> Written, string ReportPath);

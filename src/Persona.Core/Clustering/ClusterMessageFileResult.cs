namespace Persona.Core.Clustering;

/// <summary>The messages of one cluster message file and every line that was skipped.</summary>
public sealed record ClusterMessageFileResult(IReadOnlyList<ClusteredMessage> Messages, IReadOnlyList<ClusterLineProblem> Problems);

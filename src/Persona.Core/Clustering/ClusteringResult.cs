using Persona.Core.Categorization;
using Persona.Core.Import;

namespace Persona.Core.Clustering;

/// <summary>The analysis plus per-message assignments, aligned with the input messages.</summary>
public sealed record ClusteringResult(
    ClusterAnalysis Analysis,
    IReadOnlyList<MessageAssignment> Assignments,
    IReadOnlyList<PersonMessage> Messages,
    IReadOnlyList<MessageCategories> Categories)
{
    /// <summary>Cluster index of every message, in input order.</summary>
    public int[] Labels() => [.. Assignments.Select(a => a.Cluster)];
}

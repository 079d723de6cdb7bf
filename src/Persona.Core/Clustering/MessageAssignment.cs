namespace Persona.Core.Clustering;

/// <summary>
/// One row of <c>clusters/assignments.parquet</c>: the message's cluster, its distance to that
/// centroid, the margin to the second-nearest (weak when small), and its 2-D projection.
/// </summary>
public sealed record MessageAssignment(string MessageId, int Cluster, string ClusterName, double Distance, double Margin, bool Weak, double X, double Y);

namespace Persona.Core.Clustering;

/// <summary>A line of a cluster message file that was skipped, with its 1-based line number.</summary>
public readonly record struct ClusterLineProblem(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

namespace Persona.Core.Prompts;

/// <summary>A line of a cluster file that could not be used, with where it is.</summary>
public sealed record ClusterReadDiagnostic(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

namespace Persona.Tensors.Training;

/// <summary>A problem with one line of a training data file (the line is skipped).</summary>
public sealed record ChatDataDiagnostic(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

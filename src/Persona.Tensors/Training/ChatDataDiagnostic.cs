namespace Persona.Tensors.Training;

/// <summary>
/// A problem with one line of a training data file: the line is skipped, or (<see cref="Skipped"/> false) it is
/// used after a correction the message names (e.g. re-tokenised).
/// </summary>
public sealed record ChatDataDiagnostic(string Path, int Line, string Message, bool Skipped = true)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

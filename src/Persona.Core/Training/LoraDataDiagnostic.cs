namespace Persona.Core.Training;

/// <summary>A problem found in an input, with the file and line it is on; the item was skipped.</summary>
public sealed record LoraDataDiagnostic(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}

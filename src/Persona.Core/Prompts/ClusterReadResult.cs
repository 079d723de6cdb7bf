namespace Persona.Core.Prompts;

/// <summary>The personas read from the clustering stage's outputs, and every line that was skipped.</summary>
public sealed record ClusterReadResult(IReadOnlyList<PersonaMessageSet> Personas, IReadOnlyList<ClusterReadDiagnostic> Diagnostics)
{
    public int MessageCount => Personas.Sum(persona => persona.Messages.Count);
}

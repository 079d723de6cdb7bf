namespace Persona.Core.Training;

/// <summary>A message or interview answer on its way through the filters.</summary>
internal sealed record Candidate(string Id, ExampleSource Source, string Text, string? Context, ContextKind Kind, DateTimeOffset? CreatedAt);

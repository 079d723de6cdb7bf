namespace Persona.Core.Library;

/// <summary>An edit: the fields to change; null leaves a field as it is.</summary>
public sealed record PersonaChanges(string? Name = null, string? Instructions = null, string? Description = null);

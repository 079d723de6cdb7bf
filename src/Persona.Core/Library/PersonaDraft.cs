namespace Persona.Core.Library;

/// <summary>What a new persona is created from.</summary>
/// <param name="Name">Display name (validated).</param>
/// <param name="Instructions">System prompt (validated).</param>
/// <param name="Description">Optional description.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Id">Optional id; derived from the name when null.</param>
public sealed record PersonaDraft(string Name, string Instructions, string Description = "", PersonaSource Source = PersonaSource.Manual, string? Id = null);

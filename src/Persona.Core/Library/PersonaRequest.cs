namespace Persona.Core.Library;

/// <summary>A request for the persona that serves a context.</summary>
/// <param name="ContextId">Where the persona is used.</param>
/// <param name="OverridePersonaId">Explicit choice; must be assigned to the context and active.</param>
/// <param name="RequestId">Caller's id for the request; generated when null.</param>
public sealed record PersonaRequest(string ContextId, string? OverridePersonaId = null, string? RequestId = null);

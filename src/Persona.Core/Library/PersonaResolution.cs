namespace Persona.Core.Library;

/// <summary>The persona chosen for a request and why.</summary>
/// <param name="RequestId">The request's id.</param>
/// <param name="ContextId">The context asked for.</param>
/// <param name="Persona">The chosen persona version.</param>
/// <param name="Reason">The rule that chose it.</param>
/// <param name="Explanation">Human-readable account of the rules tried.</param>
/// <param name="At">When it was resolved.</param>
public sealed record PersonaResolution(string RequestId, string ContextId, PersonaEntry Persona, ResolutionReason Reason, string Explanation, DateTimeOffset At);

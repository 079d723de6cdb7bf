namespace Persona.Core.Library;

/// <summary>One line of the usage log (<c>logs/persona-usage.jsonl</c>).</summary>
/// <param name="RequestId">The request's id.</param>
/// <param name="ContextId">The context asked for.</param>
/// <param name="PersonaId">The persona that served it.</param>
/// <param name="PersonaVersion">The version that served it.</param>
/// <param name="Reason">The rule that chose it.</param>
/// <param name="Explanation">Human-readable account of the rules tried.</param>
/// <param name="At">When it was resolved.</param>
/// <param name="Preview">True for a dry run (a preview of what will serve), false for a served request.</param>
public sealed record PersonaUsageEntry(string RequestId, string ContextId, string PersonaId, int PersonaVersion, ResolutionReason Reason, string Explanation, DateTimeOffset At, bool Preview);

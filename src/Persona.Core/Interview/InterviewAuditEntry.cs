namespace Persona.Core.Interview;

/// <summary>One line of <c>logs/persona-generation.jsonl</c>. Carries ids, categories and reasons — never the person's words.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Event">What happened.</param>
/// <param name="SessionId">The interview.</param>
/// <param name="QuestionId">The question, for question and answer events.</param>
/// <param name="Category">The category, for question events.</param>
/// <param name="Path">Offline, model or repaired, where a step could use a model.</param>
/// <param name="Detail">A reason or count (e.g. the planner's decision, the new core persona version).</param>
public sealed record InterviewAuditEntry(
    DateTimeOffset At,
    InterviewEvent Event,
    string SessionId,
    string? QuestionId = null,
    string? Category = null,
    string? Path = null,
    string? Detail = null);

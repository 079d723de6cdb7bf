using Persona.Core.Llm;

namespace Persona.Core.Interview;

/// <summary>One question the interviewer asked.</summary>
/// <param name="Id">Stable within the session (<c>q001</c>, <c>q002</c>, …).</param>
/// <param name="Prompt">The question as shown to the person.</param>
/// <param name="Category">The category it explores (an id from the interview configuration).</param>
/// <param name="Kind">Seed question or reflective follow-up.</param>
/// <param name="AskedAt">When it was asked.</param>
/// <param name="FollowsAnswerId">For a follow-up, the answer it reflects on.</param>
/// <param name="Source">Which path wrote it: the model, or the offline scripted interviewer.</param>
public sealed record InterviewQuestion(
    string Id,
    string Prompt,
    string Category,
    InterviewQuestionKind Kind,
    DateTimeOffset AskedAt,
    string? FollowsAnswerId,
    LlmProvenance Source);

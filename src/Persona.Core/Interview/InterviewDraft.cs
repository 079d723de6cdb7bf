using Persona.Core.Llm;

namespace Persona.Core.Interview;

/// <summary>The persona draft a finalized interview produced (also stored as <c>interviews/&lt;id&gt;/summary.json</c>).</summary>
/// <param name="SessionId">The interview.</param>
/// <param name="ProfileId">The person.</param>
/// <param name="CreatedAt">When it was summarized.</param>
/// <param name="Fields">Fields in a stable order.</param>
/// <param name="Summary">A short MI-style summary of the interview in the person's words.</param>
/// <param name="Source">Which path wrote it (summarizer model or offline).</param>
public sealed record InterviewDraft(
    string SessionId,
    string ProfileId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DraftField> Fields,
    string Summary,
    LlmProvenance Source)
{
    /// <summary>The field at <paramref name="path"/>, or null.</summary>
    public DraftField? Field(string path) => Fields.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal));
}

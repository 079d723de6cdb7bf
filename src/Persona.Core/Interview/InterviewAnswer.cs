namespace Persona.Core.Interview;

/// <summary>The person's answer to one question; a skip is recorded as an answer with no content.</summary>
/// <param name="Id">Stable within the session (<c>a001</c>, …).</param>
/// <param name="QuestionId">The question it answers.</param>
/// <param name="Content">The answer text, as given (empty when skipped).</param>
/// <param name="CapturedAt">When it was recorded.</param>
/// <param name="Skipped">True when the person chose not to answer.</param>
public sealed record InterviewAnswer(string Id, string QuestionId, string Content, DateTimeOffset CapturedAt, bool Skipped = false);

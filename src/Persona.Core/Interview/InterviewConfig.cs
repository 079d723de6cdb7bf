namespace Persona.Core.Interview;

/// <summary>
/// What the interview asks about and when it stops, read from <c>config/interview.yaml</c>
/// (<see cref="InterviewConfigLoader"/>). Validated when loaded.
/// </summary>
/// <param name="Introduction">Shown before the first question.</param>
/// <param name="QuestionBudget">The most questions one interview asks.</param>
/// <param name="MaxFollowUps">Reflective follow-ups in a row on one thread.</param>
/// <param name="Categories">In tie-break order.</param>
/// <param name="SensitiveTopics">Topic → lower-case words that mark an answer as touching it.</param>
/// <param name="Source">The file it came from.</param>
public sealed record InterviewConfig(
    string Introduction,
    int QuestionBudget,
    int MaxFollowUps,
    IReadOnlyList<InterviewCategoryConfig> Categories,
    IReadOnlyDictionary<string, IReadOnlyList<string>> SensitiveTopics,
    string Source)
{
    /// <summary>The category with this id, or null.</summary>
    public InterviewCategoryConfig? Category(string id) => Categories.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}

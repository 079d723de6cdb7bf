using System.Text.Json.Serialization;

namespace Persona.Core.Interview;

/// <summary>
/// One interview, exactly as saved in <c>persona/interviews/&lt;sessionId&gt;.json</c> after every turn:
/// the transcript (questions and answers), the interviewer's analysis of each answer, per-category
/// coverage, and once finalized the persona draft and the review decision. A killed process resumes
/// from this file alone.
/// </summary>
public sealed class InterviewSession
{
    public int SchemaVersion { get; set; } = 1;

    public required string SessionId { get; init; }

    public required string ProfileId { get; init; }

    public InterviewStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Seed of the interviewer's choices (phrasing variants); recorded so a run can be reproduced.</summary>
    public int Seed { get; init; }

    /// <summary>Where the categories and seed questions came from.</summary>
    public string ConfigSource { get; init; } = "";

    public int QuestionBudget { get; init; }

    public List<InterviewQuestion> Questions { get; init; } = [];

    public List<InterviewAnswer> Answers { get; init; } = [];

    /// <summary>The interviewer's analysis of each answer (a separate artifact, one per answer).</summary>
    public List<AnswerAnalysis> Analyses { get; init; } = [];

    public List<CategoryCoverage> Coverage { get; set; } = [];

    /// <summary>Why the interview stopped asking (targets reached, budget spent); null while it goes on.</summary>
    public string? StopReason { get; set; }

    public InterviewDraft? PersonaDraft { get; set; }

    /// <summary>The operator's decision on the draft; null until one was made.</summary>
    public ReviewChoice? Review { get; set; }

    /// <summary>The core persona version the apply or merge created.</summary>
    public int? AppliedCoreVersion { get; set; }

    /// <summary>The question waiting for an answer, or null.</summary>
    [JsonIgnore]
    public InterviewQuestion? PendingQuestion =>
        Questions.Count > 0 && !Answers.Exists(a => a.QuestionId == Questions[^1].Id) ? Questions[^1] : null;

    /// <summary>Answers given (skips excluded).</summary>
    [JsonIgnore]
    public int AnsweredCount => Answers.Count(a => !a.Skipped);

    /// <summary>The answer with this id, or null.</summary>
    public InterviewAnswer? Answer(string answerId) => Answers.Find(a => a.Id == answerId);

    /// <summary>The question with this id, or null.</summary>
    public InterviewQuestion? Question(string questionId) => Questions.Find(q => q.Id == questionId);
}

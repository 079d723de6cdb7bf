using Persona.Core.Llm;

namespace Persona.Core.Interview;

/// <summary>
/// Writes questions, analyses answers and summarizes the transcript. Two implementations: the offline
/// <see cref="ScriptedInterviewer"/> and <see cref="ModelInterviewer"/> (psychotherapist and summarizer
/// roles, falling back to the scripted one).
/// </summary>
internal interface IInterviewer
{
    Task<(string Prompt, LlmProvenance Source)> WriteQuestionAsync(InterviewSession session, InterviewConfig config, PlannerDecision decision, CancellationToken cancellationToken);

    Task<AnswerAnalysis> AnalyzeAsync(InterviewSession session, InterviewConfig config, InterviewQuestion question, InterviewAnswer answer, CancellationToken cancellationToken);

    Task<InterviewDraft> SummarizeAsync(InterviewSession session, InterviewConfig config, DateTimeOffset now, CancellationToken cancellationToken);
}

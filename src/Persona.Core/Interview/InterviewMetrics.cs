namespace Persona.Core.Interview;

/// <summary>Counts computed from the audit log (<see cref="InterviewAuditLog.ReadMetricsAsync"/>).</summary>
/// <param name="SessionsStarted">Sessions started.</param>
/// <param name="SessionsCompleted">Sessions finalized.</param>
/// <param name="SessionsAborted">Sessions discarded.</param>
/// <param name="QuestionsAsked">Questions asked over all sessions.</param>
/// <param name="Applied">Drafts applied (replace).</param>
/// <param name="Merged">Drafts merged.</param>
/// <param name="DraftsDiscarded">Drafts discarded at review.</param>
/// <param name="MalformedLines">Lines of the log that could not be read (reported, not fatal).</param>
public sealed record InterviewMetrics(
    int SessionsStarted,
    int SessionsCompleted,
    int SessionsAborted,
    int QuestionsAsked,
    int Applied,
    int Merged,
    int DraftsDiscarded,
    int MalformedLines)
{
    /// <summary>Completed / started; 0 when nothing started.</summary>
    public double CompletionRate => SessionsStarted == 0 ? 0 : (double)SessionsCompleted / SessionsStarted;

    /// <summary>Questions per started session; 0 when nothing started.</summary>
    public double QuestionsPerSession => SessionsStarted == 0 ? 0 : (double)QuestionsAsked / SessionsStarted;
}

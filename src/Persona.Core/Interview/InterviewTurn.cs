namespace Persona.Core.Interview;

/// <summary>The outcome of answering or skipping a question.</summary>
/// <param name="Session">The session as saved after the turn.</param>
/// <param name="Analysis">The interviewer's analysis of the answer just given.</param>
/// <param name="Decision">What the planner decided next, and why.</param>
/// <param name="NextQuestion">The question now pending; null when the interview stopped asking.</param>
public sealed record InterviewTurn(InterviewSession Session, AnswerAnalysis Analysis, PlannerDecision Decision, InterviewQuestion? NextQuestion)
{
    /// <summary>True when no question is pending: finalize next.</summary>
    public bool IsFinished => NextQuestion is null;
}

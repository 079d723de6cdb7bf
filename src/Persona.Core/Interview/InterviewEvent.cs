namespace Persona.Core.Interview;

/// <summary>What an audit line records.</summary>
public enum InterviewEvent
{
    SessionStarted,
    QuestionAsked,
    AnswerRecorded,
    QuestionSkipped,
    Paused,
    Resumed,
    Stopped,
    Finalized,
    Applied,
    Merged,
    Discarded,
    Aborted,
}

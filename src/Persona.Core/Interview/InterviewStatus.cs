namespace Persona.Core.Interview;

/// <summary>Where an interview session stands.</summary>
public enum InterviewStatus
{
    /// <summary>A question is pending; answering continues the interview.</summary>
    Active,

    /// <summary>Stopped by the operator; resume continues with the pending question.</summary>
    Paused,

    /// <summary>Finalized: the transcript is closed and a persona draft exists.</summary>
    Completed,

    /// <summary>Discarded by the operator; nothing from it reaches the persona.</summary>
    Aborted,
}

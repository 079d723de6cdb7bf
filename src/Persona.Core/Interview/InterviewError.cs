namespace Persona.Core.Interview;

/// <summary>Why an interview operation was refused.</summary>
public enum InterviewError
{
    /// <summary>No such session in this profile.</summary>
    NotFound,

    /// <summary>The session's status does not allow the operation (e.g. answering a completed session).</summary>
    InvalidState,

    /// <summary>A bad argument: unsafe id, empty answer, unknown question.</summary>
    Validation,
}

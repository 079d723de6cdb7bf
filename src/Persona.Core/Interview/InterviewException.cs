namespace Persona.Core.Interview;

/// <summary>An interview operation was refused; nothing was changed.</summary>
public sealed class InterviewException : Exception
{
    public InterviewException(InterviewError error, string message)
        : base(message)
    {
        Error = error;
    }

    public InterviewException()
    {
    }

    public InterviewException(string message)
        : base(message)
    {
    }

    public InterviewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InterviewError Error { get; }
}

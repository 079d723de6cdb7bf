namespace Persona.Notebooks.Pipeline;

/// <summary>The pipeline cannot start: a notebook is unreadable or references a file that is not there (e.g. the library is not built).</summary>
public sealed class PipelinePreflightException : Exception
{
    public PipelinePreflightException()
    {
    }

    public PipelinePreflightException(string message)
        : base(message)
    {
    }

    public PipelinePreflightException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

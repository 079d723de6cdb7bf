namespace Persona.Cli;

/// <summary>An error the CLI reports as one line on stderr with a chosen exit code.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.InputError)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException()
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.InputError;
}

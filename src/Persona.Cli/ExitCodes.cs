namespace Persona.Cli;

/// <summary>Process exit codes of the <c>persona</c> command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A step ran but reported failures (e.g. a notebook cell or some items failed).</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments or unusable input files.</summary>
    public const int InputError = 2;

    /// <summary>A bug: an exception the command did not expect.</summary>
    public const int InternalError = 3;

    /// <summary>Someone else changed the item first (expected-version check failed); reload and retry.</summary>
    public const int Conflict = 4;

    public const int Cancelled = 130;
}

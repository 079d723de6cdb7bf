namespace Persona.Core.Import.Reading;

/// <summary>An input file that cannot be read as a whole: not JSON, truncated, or of an unknown shape.</summary>
internal sealed class ImportInputException : Exception
{
    public ImportInputException(string message)
        : base(message)
    {
    }

    public ImportInputException(string message, bool unrecognised)
        : base(message)
    {
        Unrecognised = unrecognised;
    }

    /// <summary>The file is valid JSON of a shape that is not a supported chat export.</summary>
    public bool Unrecognised { get; }

    public ImportInputException()
    {
    }

    public ImportInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

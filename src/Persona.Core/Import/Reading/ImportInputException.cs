namespace Persona.Core.Import.Reading;

/// <summary>An input file that cannot be read as a whole: not JSON, truncated, or of an unknown shape.</summary>
internal sealed class ImportInputException : Exception
{
    public ImportInputException(string message)
        : base(message)
    {
    }

    public ImportInputException()
    {
    }

    public ImportInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

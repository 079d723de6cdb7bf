namespace Persona.Core.Library;

/// <summary>A library operation refused with a reason the caller can act on; nothing was changed.</summary>
public sealed class PersonaLibraryException : Exception
{
    public PersonaLibraryException(PersonaLibraryError error, string message)
        : base(message)
    {
        Error = error;
    }

    public PersonaLibraryException()
    {
    }

    public PersonaLibraryException(string message)
        : base(message)
    {
    }

    public PersonaLibraryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PersonaLibraryError Error { get; }
}

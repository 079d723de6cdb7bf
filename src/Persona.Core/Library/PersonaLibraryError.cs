namespace Persona.Core.Library;

/// <summary>The closed set of reasons a library operation is refused.</summary>
public enum PersonaLibraryError
{
    /// <summary>No persona, version or context with that id.</summary>
    NotFound,

    /// <summary>The stored version differs from the version the caller expected: someone else changed it first.</summary>
    Conflict,

    /// <summary>Bad name, instructions, id or field path; nothing was changed.</summary>
    Validation,

    /// <summary>The requested persona cannot serve the request (e.g. an override not assigned to the context).</summary>
    Resolution,

    /// <summary>Another process held the profile lock for longer than the timeout.</summary>
    LockTimeout,

    /// <summary>The operation is not allowed (e.g. deleting the built-in fallback).</summary>
    Forbidden,
}

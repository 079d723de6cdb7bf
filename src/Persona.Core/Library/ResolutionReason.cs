namespace Persona.Core.Library;

/// <summary>Which rule of the resolution order picked the persona.</summary>
public enum ResolutionReason
{
    /// <summary>The request named a persona assigned to the context.</summary>
    Override,

    /// <summary>The context's default persona.</summary>
    ContextDefault,

    /// <summary>The profile's global default persona.</summary>
    GlobalDefault,

    /// <summary>The built-in fallback persona (nothing else applied).</summary>
    BuiltinFallback,
}

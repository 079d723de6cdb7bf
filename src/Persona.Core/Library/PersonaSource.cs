namespace Persona.Core.Library;

/// <summary>Where a persona in the library came from.</summary>
public enum PersonaSource
{
    /// <summary>Synthesized from the person's clustered messages (the prompts stage).</summary>
    Extracted,

    /// <summary>Derived from an adaptive interview.</summary>
    Interview,

    /// <summary>Written or imported by hand.</summary>
    Manual,

    /// <summary>Shipped with the toolkit (the fallback persona).</summary>
    Builtin,
}

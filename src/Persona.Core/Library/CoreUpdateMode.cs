namespace Persona.Core.Library;

/// <summary>How an update combines with the current core persona.</summary>
public enum CoreUpdateMode
{
    /// <summary>Only the named fields change (a null value removes the field); the rest is kept.</summary>
    Merge,

    /// <summary>The core persona becomes exactly the named fields.</summary>
    Replace,
}

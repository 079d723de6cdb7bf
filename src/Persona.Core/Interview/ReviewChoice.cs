namespace Persona.Core.Interview;

/// <summary>What the operator decided about a finalized draft.</summary>
public enum ReviewChoice
{
    /// <summary>The draft replaces the core persona (a new version; revertible).</summary>
    Apply,

    /// <summary>The draft fills gaps and appends to lists; conflicting values keep the current one.</summary>
    Merge,

    /// <summary>The draft is not used; the core persona is untouched.</summary>
    Discard,
}

namespace Persona.Core.Interview;

/// <summary>How one field of the draft relates to the current core persona.</summary>
public enum FieldChange
{
    /// <summary>The core persona has no value; the draft adds one.</summary>
    Added,

    /// <summary>Both have a value and they differ.</summary>
    Changed,

    /// <summary>Both have the same value.</summary>
    Unchanged,

    /// <summary>The core persona has a value the draft lacks (dropped only by <see cref="ReviewChoice.Apply"/>).</summary>
    Removed,
}

namespace Persona.Core.Categorization;

/// <summary>How long a message is, by word count against the lexicon's thresholds.</summary>
#pragma warning disable CA1720 // "Short" and "Long" are the category names users see, not type names.
public enum LengthCategory
{
    Short,
    Medium,
    Long,
}
#pragma warning restore CA1720

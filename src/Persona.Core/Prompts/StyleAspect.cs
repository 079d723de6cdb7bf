namespace Persona.Core.Prompts;

/// <summary>What a claim in a prompt is about.</summary>
public enum StyleAspect
{
    Length,
    SentenceShape,
    Openers,
    Questions,
    Directness,
    Politeness,
    Punctuation,
    Emoji,
    Code,
    Formatting,
    Reasoning,
    Vocabulary,
    Priorities,
}

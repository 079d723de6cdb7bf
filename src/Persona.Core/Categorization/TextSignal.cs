namespace Persona.Core.Categorization;

/// <summary>Surface features of a message that the tone rules can weigh (names in YAML are snake_case).</summary>
public enum TextSignal
{
    /// <summary>The message starts with a lower-case letter.</summary>
    LowercaseStart,

    /// <summary>The message contains "!".</summary>
    Exclamation,

    /// <summary>The message contains "?".</summary>
    QuestionMark,

    /// <summary>Code-like tokens: snake_case, dotted names, calls "()", back-ticks.</summary>
    CodeToken,

    /// <summary>Sentences average 18+ words (scaled 0..1 from 10 to 20 words).</summary>
    LongSentences,

    /// <summary>Emoji or other pictographic symbols.</summary>
    Emoji,

    /// <summary>Two or more first-person pronouns.</summary>
    FirstPerson,
}

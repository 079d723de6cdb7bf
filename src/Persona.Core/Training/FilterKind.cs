namespace Persona.Core.Training;

/// <summary>Why a message was left out of a dataset. Filters run in this order; a message is counted by the first that removes it.</summary>
public enum FilterKind
{
    /// <summary>Fewer characters than <see cref="LoraDataOptions.MinChars"/>.</summary>
    TooShort,

    /// <summary>More characters than <see cref="LoraDataOptions.MaxChars"/>.</summary>
    TooLong,

    /// <summary>Fewer tokens than <see cref="LoraDataOptions.MinTokens"/>.</summary>
    TooFewTokens,

    /// <summary>More tokens than <see cref="LoraDataOptions.MaxTokens"/>.</summary>
    TooManyTokens,

    /// <summary>Mostly pasted source code.</summary>
    CodeDump,

    /// <summary>Mostly pasted log lines.</summary>
    LogDump,

    /// <summary>Mostly a pasted stack trace.</summary>
    StackTrace,

    /// <summary>Same text (case and whitespace ignored) as a kept message.</summary>
    ExactDuplicate,

    /// <summary>Nearly the same text as a kept message.</summary>
    NearDuplicate,

    /// <summary>Templated text: the same skeleton opens several messages.</summary>
    Templated,
}

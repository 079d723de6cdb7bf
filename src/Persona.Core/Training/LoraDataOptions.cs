using System.Globalization;

namespace Persona.Core.Training;

/// <summary>How the per-persona datasets are built. Validated once by <see cref="LoraDataBuilder"/>.</summary>
public sealed record LoraDataOptions
{
    /// <summary>Stands in for the user turn when the person opened a conversation (labelled <see cref="ContextKind.GenericOpener"/>).</summary>
    public const string DefaultGenericOpener = "(The conversation starts here. Write your opening message.)";

    /// <summary>Used when no prompt for a persona exists anywhere (labelled <see cref="SystemPromptSource.Default"/>).</summary>
    public const string DefaultDefaultSystemPrompt = "You write as the person whose messages these are: their words, their tone, their way of reasoning.";

    public LoraDataFormat Format { get; init; } = LoraDataFormat.OpenAI;

    /// <summary>Messages shorter than this (characters, after trimming) are removed.</summary>
    public int MinChars { get; init; } = 20;

    /// <summary>Messages longer than this (characters) are removed.</summary>
    public int MaxChars { get; init; } = 4000;

    /// <summary>Messages with fewer tokens than this are removed (0 = off).</summary>
    public int MinTokens { get; init; }

    /// <summary>Messages with more tokens than this are removed.</summary>
    public int MaxTokens { get; init; } = 1024;

    /// <summary>The user turn (the assistant text the person answered) keeps at most this many characters, from its end.</summary>
    public int MaxContextChars { get; init; } = 1500;

    /// <summary>Jaccard similarity of character 5-gram sets at or above which a message is a near-duplicate of a kept one.</summary>
    public double NearDuplicateThreshold { get; init; } = 0.8;

    /// <summary>Share of non-blank lines that look like code, logs or stack frames at or above which a message is a dump.</summary>
    public double CodeDumpThreshold { get; init; } = 0.6;

    /// <summary>A message whose skeleton (digits, URLs, numbers masked) opens like at least this many others is templated text.</summary>
    public int TemplateMinRepeats { get; init; } = 4;

    /// <summary>Share of examples in the validation file (by a hash of seed and id, so rows never move when data is added).</summary>
    public double ValidFraction { get; init; } = 0.1;

    public int Seed { get; init; } = 42;

    public string GenericOpener { get; init; } = DefaultGenericOpener;

    public string DefaultSystemPrompt { get; init; } = DefaultDefaultSystemPrompt;

    /// <summary>Include completed interview transcripts in the core persona's dataset.</summary>
    public bool IncludeInterviews { get; init; } = true;

    /// <summary>
    /// Ask the <c>responder</c> model to write the user turn of openers (messages with no preceding text),
    /// marked <see cref="ContextKind.SyntheticPrompt"/>. Off by default; without a configured, reachable
    /// responder nothing changes and the result says why.
    /// </summary>
    public bool SyntheticPrompts { get; init; }

    /// <summary>At most this many openers per persona get a synthetic user turn (a seeded choice when there are more).</summary>
    public int MaxSyntheticPerPersona { get; init; } = DefaultMaxSyntheticPerPersona;

    public const int DefaultMaxSyntheticPerPersona = 50;

    /// <summary>Every problem with the options, as one message; null when they are valid.</summary>
    public string? Problems()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Format))
            problems.Add($"format {Format} is not one of {string.Join(", ", Enum.GetNames<LoraDataFormat>())}");
        if (MinChars < 0)
            problems.Add("min-chars must be 0 or more");
        if (MaxChars < 1 || MaxChars < MinChars)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"max-chars ({MaxChars}) must be at least 1 and at least min-chars ({MinChars})"));
        if (MinTokens < 0)
            problems.Add("min-tokens must be 0 or more");
        if (MaxTokens < 1 || MaxTokens < MinTokens)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"max-tokens ({MaxTokens}) must be at least 1 and at least min-tokens ({MinTokens})"));
        if (MaxContextChars < 16)
            problems.Add("max-context-chars must be at least 16");
        if (!(NearDuplicateThreshold > 0 && NearDuplicateThreshold <= 1))
            problems.Add("near-duplicate threshold must be in (0, 1]");
        if (!(CodeDumpThreshold > 0 && CodeDumpThreshold <= 1))
            problems.Add("code-dump threshold must be in (0, 1]");
        if (TemplateMinRepeats < 2)
            problems.Add("template repeats must be at least 2");
        if (!(ValidFraction >= 0 && ValidFraction < 1))
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"valid-fraction ({ValidFraction}) must be in [0, 1)"));
        if (string.IsNullOrWhiteSpace(GenericOpener))
            problems.Add("the generic opener must not be empty");
        if (MaxSyntheticPerPersona < 1)
            problems.Add("synthetic-max must be at least 1");
        if (string.IsNullOrWhiteSpace(DefaultSystemPrompt))
            problems.Add("the default system prompt must not be empty");
        return problems.Count == 0 ? null : "Invalid LoRA data options: " + string.Join("; ", problems) + ".";
    }
}

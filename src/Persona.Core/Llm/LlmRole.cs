namespace Persona.Core.Llm;

/// <summary>
/// A job the toolkit gives a language model. An open vocabulary with well-known values: each role is
/// configured separately (provider, model, temperature) so a small fast model can name clusters while
/// a larger one runs the interview. Comparison is case-insensitive.
/// </summary>
public readonly struct LlmRole : IEquatable<LlmRole>
{
    public LlmRole(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim().ToLowerInvariant();
    }

    private readonly string? _value;

    public static LlmRole Psychotherapist { get; } = new("psychotherapist");

    public static LlmRole Planner { get; } = new("planner");

    public static LlmRole Summarizer { get; } = new("summarizer");

    public static LlmRole Namer { get; } = new("namer");

    public static LlmRole PromptWriter { get; } = new("prompt-writer");

    public static LlmRole Categorizer { get; } = new("categorizer");

    public static LlmRole Responder { get; } = new("responder");

    /// <summary>The roles the toolkit uses, in the order status lists them.</summary>
    public static IReadOnlyList<LlmRole> WellKnown { get; } =
        [Psychotherapist, Planner, Summarizer, Namer, PromptWriter, Categorizer, Responder];

    public string Value => _value ?? string.Empty;

    /// <summary>The role's name in environment variables: upper case, '-' becomes '_' (<c>PROMPT_WRITER</c>).</summary>
    public string EnvironmentName => Value.Replace('-', '_').ToUpperInvariant();

    public bool Equals(LlmRole other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is LlmRole other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;

    public static bool operator ==(LlmRole left, LlmRole right) => left.Equals(right);

    public static bool operator !=(LlmRole left, LlmRole right) => !left.Equals(right);
}

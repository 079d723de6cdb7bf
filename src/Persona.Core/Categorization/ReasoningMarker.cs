namespace Persona.Core.Categorization;

/// <summary>A reasoning marker: an open vocabulary (the lexicon file may add values); the well-known values are listed here.</summary>
public readonly record struct ReasoningMarker
{
    public ReasoningMarker(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public static ReasoningMarker Because { get; } = new("because");

    public static ReasoningMarker Therefore { get; } = new("therefore");

    public static ReasoningMarker But { get; } = new("but");

    public static ReasoningMarker Alternatively { get; } = new("alternatively");

    public static ReasoningMarker Conditional { get; } = new("conditional");

    public static ReasoningMarker Example { get; } = new("example");

    public static ReasoningMarker Comparison { get; } = new("comparison");

    public override string ToString() => Value ?? string.Empty;
}

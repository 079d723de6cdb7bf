namespace Persona.Core.Categorization;

/// <summary>A tone: an open vocabulary (the lexicon file may add values); the well-known values are listed here.</summary>
public readonly record struct Tone
{
    public Tone(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public static Tone Formal { get; } = new("formal");

    public static Tone Casual { get; } = new("casual");

    public static Tone Technical { get; } = new("technical");

    public static Tone Exploratory { get; } = new("exploratory");

    public override string ToString() => Value ?? string.Empty;
}

namespace Persona.Core.Categorization;

/// <summary>A topic category: an open vocabulary (the lexicon file may add values); the well-known values are listed here.</summary>
public readonly record struct TopicCategory
{
    public TopicCategory(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public static TopicCategory Coding { get; } = new("coding");

    public static TopicCategory Business { get; } = new("business");

    public static TopicCategory Creative { get; } = new("creative");

    public static TopicCategory Analysis { get; } = new("analysis");

    public static TopicCategory Writing { get; } = new("writing");

    public static TopicCategory Learning { get; } = new("learning");

    public static TopicCategory Personal { get; } = new("personal");

    public static TopicCategory Other { get; } = new("other");

    public override string ToString() => Value ?? string.Empty;
}

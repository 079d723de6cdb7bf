namespace Persona.Core.Categorization;

/// <summary>A question type: an open vocabulary (the lexicon file may add values); the well-known values are listed here.</summary>
public readonly record struct QuestionType
{
    public QuestionType(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public static QuestionType How { get; } = new("how");

    public static QuestionType Why { get; } = new("why");

    public static QuestionType WhatIf { get; } = new("what_if");

    public static QuestionType ShouldI { get; } = new("should_i");

    public static QuestionType What { get; } = new("what");

    public static QuestionType CanYou { get; } = new("can_you");

    public static QuestionType IsIt { get; } = new("is_it");

    public override string ToString() => Value ?? string.Empty;
}

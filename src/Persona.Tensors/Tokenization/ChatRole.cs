namespace Persona.Tensors.Tokenization;

/// <summary>The author of a chat turn; an open vocabulary with the usual values.</summary>
public readonly record struct ChatRole(string Value)
{
    public static ChatRole System { get; } = new("system");

    public static ChatRole User { get; } = new("user");

    public static ChatRole Assistant { get; } = new("assistant");

    public override string ToString() => Value;
}

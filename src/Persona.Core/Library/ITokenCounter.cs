namespace Persona.Core.Library;

/// <summary>Counts tokens of a prompt. A model's tokenizer when one is loaded; an estimate otherwise.</summary>
public interface ITokenCounter
{
    /// <summary>What counted: a tokenizer's name, or a description of the estimate.</summary>
    string Name { get; }

    /// <summary>True when <see cref="CountTokens"/> is an estimate rather than a real tokenizer's count.</summary>
    bool IsEstimate { get; }

    int CountTokens(string text);
}

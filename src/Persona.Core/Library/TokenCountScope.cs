namespace Persona.Core.Library;

/// <summary>What a <see cref="TokenizerTokenCounter"/> counts for a system prompt.</summary>
public enum TokenCountScope
{
    /// <summary>The prompt's own tokens: no BOS, no chat template.</summary>
    Text,

    /// <summary>
    /// The prompt as one system turn in the model's chat template (ChatML or Llama-3, chosen from the
    /// vocabulary's special tokens): the turn's start, role header, content and end-of-turn tokens.
    /// </summary>
    SystemTurn,
}

namespace Persona.Tensors.Training;

/// <summary>How conversations are laid out as tokens for training (and, identically, in the exported Modelfile).</summary>
public enum PromptFormat
{
    /// <summary>ChatML (<c>&lt;|im_start|&gt;role\n…&lt;|im_end|&gt;\n</c>): Qwen2/2.5, SmolLM2.</summary>
    ChatMl,

    /// <summary>Llama-3 header tokens.</summary>
    Llama3,

    /// <summary>
    /// For vocabularies without chat tokens (llama2.c stories models): BOS, then <c>System: …\n</c>,
    /// <c>User: …\n</c>, <c>Assistant: …</c> lines, each assistant reply followed by EOS.
    /// </summary>
    PlainTranscript,
}

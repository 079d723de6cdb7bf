namespace Persona.Tensors.Tokenization;

/// <summary>The chat layouts <see cref="ChatTemplate"/> renders.</summary>
public enum ChatFormat
{
    /// <summary><c>&lt;|im_start|&gt;{role}\n{content}&lt;|im_end|&gt;\n</c> (Qwen2/2.5, SmolLM2).</summary>
    ChatMl,

    /// <summary><c>&lt;|start_header_id|&gt;{role}&lt;|end_header_id|&gt;\n\n{content}&lt;|eot_id|&gt;</c> after <c>&lt;|begin_of_text|&gt;</c> (Llama-3).</summary>
    Llama3,
}

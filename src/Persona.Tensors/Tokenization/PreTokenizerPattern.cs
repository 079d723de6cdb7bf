namespace Persona.Tensors.Tokenization;

/// <summary>The pre-tokenizer regexes the byte-level scanner implements (by hand, over Unicode scalar values).</summary>
public enum PreTokenizerPattern
{
    /// <summary>GPT-2 / ByteLevel <c>use_regex</c>: <c>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</c>.</summary>
    Gpt2,

    /// <summary>Qwen2: case-insensitive contractions, <c>[^\r\n\p{L}\p{N}]?\p{L}+</c>, single digits, <c>\s*[\r\n]+</c>.</summary>
    Qwen2,

    /// <summary>Llama-3: as Qwen2 but digits in runs of up to three.</summary>
    Llama3,
}

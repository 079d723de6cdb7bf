namespace Persona.Tensors.Tokenization;

/// <summary>Token types as GGUF <c>tokenizer.ggml.token_type</c> numbers them (llama.h).</summary>
public enum TokenKind
{
    Undefined = 0,
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6,
}

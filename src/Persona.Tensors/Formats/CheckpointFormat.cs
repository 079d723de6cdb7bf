namespace Persona.Tensors.Formats;

/// <summary>The checkpoint layouts <see cref="CheckpointLoader"/> reads.</summary>
public enum CheckpointFormat
{
    /// <summary>llama2.c legacy <c>.bin</c>.</summary>
    Llama2c,

    /// <summary>GGUF version 3.</summary>
    Gguf,

    /// <summary>A Hugging Face directory: config.json + model.safetensors (or a sharded index) + tokenizer.json.</summary>
    HuggingFace,
}

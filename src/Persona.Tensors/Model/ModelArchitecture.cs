namespace Persona.Tensors.Model;

/// <summary>The decoder families the engine runs. They differ only in q/k/v biases and conventions.</summary>
public enum ModelArchitecture
{
    /// <summary>LlamaForCausalLM (Llama 2/3, SmolLM2, TinyLlama, llama2.c checkpoints).</summary>
    Llama,

    /// <summary>Qwen2ForCausalLM (Qwen2, Qwen2.5): q/k/v projections carry a bias.</summary>
    Qwen2,
}

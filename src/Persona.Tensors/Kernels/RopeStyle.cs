namespace Persona.Tensors.Kernels;

/// <summary>Which elements of a head RoPE rotates together.</summary>
public enum RopeStyle
{
    /// <summary>Adjacent pairs (2i, 2i+1): llama2.c checkpoints and llama-architecture GGUF (llama.cpp "NORM").</summary>
    Interleaved,

    /// <summary>Half-split pairs (i, i + d/2), HF <c>rotate_half</c>: safetensors checkpoints and qwen2 GGUF ("NEOX").</summary>
    HalfSplit,
}

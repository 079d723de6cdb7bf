namespace Persona.Tensors.Model;

/// <summary>
/// What one decoder block computed for t new tokens, kept for a backward pass (row-major, t rows each):
/// Input (t, d) residual entering the block; AttentionInput (t, d) after RMSNorm; Q (t, H·hd) and K (t, KV·hd)
/// after RoPE; V (t, KV·hd); Attention (t, H·hd) before o_proj; Middle (t, d) residual after attention;
/// FfnInput (t, d) after RMSNorm; Gate, Up (t, I) before SwiGLU; Hidden (t, I) = silu(Gate)·Up.
/// </summary>
public sealed record LayerActivations(
    float[] Input,
    float[] AttentionInput,
    float[] Q,
    float[] K,
    float[] V,
    float[] Attention,
    float[] Middle,
    float[] FfnInput,
    float[] Gate,
    float[] Up,
    float[] Hidden);

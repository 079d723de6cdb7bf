using Persona.Tensors.Model;

namespace Persona.Tensors.Training;

/// <summary>Names and shapes of <see cref="LoraTarget"/>s in the PEFT and GGUF conventions.</summary>
public static class LoraTargets
{
    public static IReadOnlyList<LoraTarget> All { get; } = Enum.GetValues<LoraTarget>();

    /// <summary>The PEFT module name (q_proj, k_proj, …).</summary>
    public static string PeftName(LoraTarget target) => target switch
    {
        LoraTarget.Query => "q_proj",
        LoraTarget.Key => "k_proj",
        LoraTarget.Value => "v_proj",
        LoraTarget.Output => "o_proj",
        LoraTarget.Gate => "gate_proj",
        LoraTarget.Up => "up_proj",
        LoraTarget.Down => "down_proj",
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>The module path inside a decoder layer (self_attn.q_proj, mlp.down_proj, …).</summary>
    public static string PeftPath(LoraTarget target) =>
        (target is LoraTarget.Gate or LoraTarget.Up or LoraTarget.Down ? "mlp." : "self_attn.") + PeftName(target);

    /// <summary>The GGUF base tensor stem (attn_q, ffn_down, …).</summary>
    public static string GgufName(LoraTarget target) => target switch
    {
        LoraTarget.Query => "attn_q",
        LoraTarget.Key => "attn_k",
        LoraTarget.Value => "attn_v",
        LoraTarget.Output => "attn_output",
        LoraTarget.Gate => "ffn_gate",
        LoraTarget.Up => "ffn_up",
        LoraTarget.Down => "ffn_down",
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>Parses q/k/v/o/gate/up/down, their PEFT names (q_proj …) or "all"; null when unknown.</summary>
    public static LoraTarget? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "q" or "q_proj" or "query" => LoraTarget.Query,
            "k" or "k_proj" or "key" => LoraTarget.Key,
            "v" or "v_proj" or "value" => LoraTarget.Value,
            "o" or "o_proj" or "output" => LoraTarget.Output,
            "gate" or "gate_proj" => LoraTarget.Gate,
            "up" or "up_proj" => LoraTarget.Up,
            "down" or "down_proj" => LoraTarget.Down,
            _ => null,
        };
    }

    /// <summary>(in, out) features of the projection for this model.</summary>
    public static (int In, int Out) Shape(LoraTarget target, TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return target switch
        {
            LoraTarget.Query => (config.Dim, config.QDim),
            LoraTarget.Key or LoraTarget.Value => (config.Dim, config.KvDim),
            LoraTarget.Output => (config.QDim, config.Dim),
            LoraTarget.Gate or LoraTarget.Up => (config.Dim, config.HiddenDim),
            LoraTarget.Down => (config.HiddenDim, config.Dim),
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
    }

    /// <summary>The frozen base matrix [out, in] of <paramref name="target"/> in a layer.</summary>
    public static float[] BaseWeight(LoraTarget target, LayerWeights layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return target switch
        {
            LoraTarget.Query => layer.Wq,
            LoraTarget.Key => layer.Wk,
            LoraTarget.Value => layer.Wv,
            LoraTarget.Output => layer.Wo,
            LoraTarget.Gate => layer.Gate,
            LoraTarget.Up => layer.Up,
            LoraTarget.Down => layer.Down,
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
    }
}

namespace Persona.Tensors.Training;

/// <summary>The linear projections of a decoder block a LoRA adapter can attach to.</summary>
public enum LoraTarget
{
    /// <summary>self_attn.q_proj (d → H·hd).</summary>
    Query,

    /// <summary>self_attn.k_proj (d → KV·hd).</summary>
    Key,

    /// <summary>self_attn.v_proj (d → KV·hd).</summary>
    Value,

    /// <summary>self_attn.o_proj (H·hd → d).</summary>
    Output,

    /// <summary>mlp.gate_proj (d → I).</summary>
    Gate,

    /// <summary>mlp.up_proj (d → I).</summary>
    Up,

    /// <summary>mlp.down_proj (I → d).</summary>
    Down,
}

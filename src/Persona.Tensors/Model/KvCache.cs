namespace Persona.Tensors.Model;

/// <summary>
/// Keys and values of every layer for positions [0, <see cref="Length"/>): per layer two
/// (maxSeq, KV·hd) buffers, position-major, filled as prefill and decode advance.
/// </summary>
public sealed class KvCache
{
    internal KvCache(TransformerConfig config, int capacity)
    {
        Capacity = capacity;
        Keys = new float[config.Layers][];
        Values = new float[config.Layers][];
        for (var l = 0; l < config.Layers; l++)
        {
            Keys[l] = new float[capacity * config.KvDim];
            Values[l] = new float[capacity * config.KvDim];
        }
    }

    public int Capacity { get; }

    /// <summary>Positions already processed; the next token goes at this position.</summary>
    public int Length { get; internal set; }

    internal float[][] Keys { get; }

    internal float[][] Values { get; }

    /// <summary>Forgets every position (the buffers are reused).</summary>
    public void Reset() => Length = 0;
}

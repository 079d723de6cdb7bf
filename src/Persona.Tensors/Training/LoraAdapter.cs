using Persona.Tensors.Model;

namespace Persona.Tensors.Training;

/// <summary>
/// The trainable half of a LoRA fine-tune: one <see cref="LoraMatrixPair"/> per (layer, target), in the
/// layout of the engine's loaded weights (for interleaved-RoPE checkpoints the q/k rows of B follow the
/// GGUF/llama2.c order; the exporters convert). The base weights are never copied.
/// </summary>
public sealed class LoraAdapter
{
    private readonly Dictionary<(int Layer, LoraTarget Target), LoraMatrixPair> _byKey;

    public LoraAdapter(LoraOptions options, int layers, IReadOnlyList<LoraMatrixPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pairs);
        Options = options;
        LayerCount = layers;
        Pairs = pairs;
        _byKey = pairs.ToDictionary(p => (p.Layer, p.Target));
    }

    public LoraOptions Options { get; }

    public int LayerCount { get; }

    public IReadOnlyList<LoraMatrixPair> Pairs { get; }

    public float Scaling => Options.Scaling;

    public int ParameterCount => Pairs.Sum(p => p.A.Length + p.B.Length);

    public LoraMatrixPair? Get(int layer, LoraTarget target) => _byKey.GetValueOrDefault((layer, target));

    /// <summary>A fresh adapter: A ~ U(±1/√in) (PEFT's kaiming-uniform with a = √5), B = 0.</summary>
    public static LoraAdapter Create(TransformerConfig config, LoraOptions options, TrainingRandom random)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        var problems = options.Problems();
        if (problems.Count > 0)
            throw new ArgumentException("invalid LoRA options: " + string.Join("; ", problems), nameof(options));
        var pairs = new List<LoraMatrixPair>();
        for (var l = 0; l < config.Layers; l++)
        {
            foreach (var target in options.Targets.OrderBy(t => t))
            {
                var (inF, outF) = LoraTargets.Shape(target, config);
                var pair = new LoraMatrixPair(l, target, options.Rank, inF, outF);
                var bound = 1f / MathF.Sqrt(inF);
                for (var i = 0; i < pair.A.Length; i++)
                    pair.A[i] = ((2f * random.NextSingle()) - 1f) * bound;
                pairs.Add(pair);
            }
        }

        return new LoraAdapter(options, config.Layers, pairs);
    }

    /// <summary>A deep copy (same options, copied matrices).</summary>
    public LoraAdapter Clone()
    {
        var pairs = Pairs.Select(p =>
        {
            var copy = new LoraMatrixPair(p.Layer, p.Target, p.Rank, p.In, p.Out);
            p.A.CopyTo(copy.A, 0);
            p.B.CopyTo(copy.B, 0);
            return copy;
        }).ToList();
        return new LoraAdapter(Options, LayerCount, pairs);
    }

    /// <summary>
    /// Base weights with every adapted matrix replaced by W + scaling·B·A (new arrays; the rest shared),
    /// so the engine's own forward pass runs the fine-tuned model.
    /// </summary>
    public TransformerWeights MergeInto(TransformerWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Layers.Count != LayerCount)
            throw new ArgumentException($"the adapter has {LayerCount} layers, the model {weights.Layers.Count}", nameof(weights));
        var layers = new List<LayerWeights>();
        for (var l = 0; l < weights.Layers.Count; l++)
        {
            var w = weights.Layers[l];
            float[] Merged(LoraTarget target)
            {
                var baseWeight = LoraTargets.BaseWeight(target, w);
                var pair = Get(l, target);
                if (pair is null)
                    return baseWeight;
                if (baseWeight.Length != (long)pair.In * pair.Out)
                    throw new ArgumentException($"layer {l} {LoraTargets.PeftName(target)}: adapter shape ({pair.Out}, {pair.In}) does not match the model", nameof(weights));
                var merged = (float[])baseWeight.Clone();
                for (var o = 0; o < pair.Out; o++)
                {
                    var row = merged.AsSpan(o * pair.In, pair.In);
                    for (var r = 0; r < pair.Rank; r++)
                    {
                        var coefficient = Scaling * pair.B[(o * pair.Rank) + r];
                        if (coefficient != 0)
                            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(pair.A.AsSpan(r * pair.In, pair.In), coefficient, row, row);
                    }
                }

                return merged;
            }

            layers.Add(new LayerWeights
            {
                AttentionNorm = w.AttentionNorm,
                Wq = Merged(LoraTarget.Query),
                Wk = Merged(LoraTarget.Key),
                Wv = Merged(LoraTarget.Value),
                Wo = Merged(LoraTarget.Output),
                Bq = w.Bq,
                Bk = w.Bk,
                Bv = w.Bv,
                FfnNorm = w.FfnNorm,
                Gate = Merged(LoraTarget.Gate),
                Up = Merged(LoraTarget.Up),
                Down = Merged(LoraTarget.Down),
            });
        }

        return new TransformerWeights { TokenEmbedding = weights.TokenEmbedding, Layers = layers, FinalNorm = weights.FinalNorm, Output = weights.Output };
    }
}

using Persona.Tensors.Model;

namespace Persona.Tensors.Generation;

/// <summary>
/// Autoregressive generation: the prompt is run in one batched prefill, then one token per step against
/// the KV cache, until <c>maxNewTokens</c>, a stop token, or the end of the context.
/// </summary>
public sealed class TextGenerator
{
    private readonly Transformer _model;

    public TextGenerator(Transformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>Returns the new token ids (the stop token is not included).</summary>
    public IReadOnlyList<int> Generate(IReadOnlyList<int> prompt, int maxNewTokens, SamplingOptions sampling, IReadOnlySet<int>? stopTokens = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(sampling);
        ArgumentOutOfRangeException.ThrowIfNegative(maxNewTokens);
        if (prompt.Count == 0)
            throw new ArgumentException("the prompt needs at least one token (e.g. BOS)", nameof(prompt));
        var sampler = new Sampler(sampling);
        var capacity = Math.Min(_model.Config.MaxSequenceLength, prompt.Count + maxNewTokens);
        if (prompt.Count > capacity)
            throw new ArgumentException($"the prompt has {prompt.Count} tokens; the model's context is {_model.Config.MaxSequenceLength}", nameof(prompt));
        var cache = _model.CreateCache(capacity);
        var generated = new List<int>();
        if (maxNewTokens == 0)
            return generated;
        var logits = _model.Forward(prompt.ToArray(), cache);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = sampler.Next(logits);
            if (stopTokens?.Contains(next) == true)
                break;
            generated.Add(next);
            if (generated.Count == maxNewTokens || cache.Length == cache.Capacity)
                break;
            logits = _model.Forward([next], cache);
        }

        return generated;
    }
}

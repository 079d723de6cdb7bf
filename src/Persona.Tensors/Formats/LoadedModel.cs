using Persona.Tensors.Model;
using Persona.Tensors.Tokenization;

namespace Persona.Tensors.Formats;

/// <summary>A checkpoint ready to run: its configuration, f32 weights, and the tokenizer it carries (if any).</summary>
public sealed record LoadedModel(TransformerConfig Config, TransformerWeights Weights, ITokenizer? Tokenizer, CheckpointFormat Format);

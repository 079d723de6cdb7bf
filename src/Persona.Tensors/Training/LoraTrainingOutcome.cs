using Persona.Tensors.Tokenization;

namespace Persona.Tensors.Training;

/// <summary>A finished (or stopped) job: the run, the report written as training.json, what was skipped, and the model to try it with.</summary>
public sealed record LoraTrainingOutcome(
    LoraTrainingResult Result,
    LoraTrainingReport Report,
    IReadOnlyList<ChatDataDiagnostic> Diagnostics,
    LoraNetwork Network,
    ConversationEncoder Encoder,
    ITokenizer Tokenizer,
    string OutputDirectory);

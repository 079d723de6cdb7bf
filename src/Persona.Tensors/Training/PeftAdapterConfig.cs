namespace Persona.Tensors.Training;

/// <summary>adapter_config.json as PEFT writes it (the fields PEFT, llama.cpp's converter and Ollama read).</summary>
public sealed record PeftAdapterConfig
{
    public string PeftType { get; init; } = "LORA";

    public string TaskType { get; init; } = "CAUSAL_LM";

    public required string BaseModelNameOrPath { get; init; }

    public required int R { get; init; }

    /// <summary>Integer: Ollama unmarshals it into a uint32.</summary>
    public required int LoraAlpha { get; init; }

    public float LoraDropout { get; init; }

    public required List<string> TargetModules { get; init; }

    public string Bias { get; init; } = "none";

    public bool FanInFanOut { get; init; }

    public bool InferenceMode { get; init; } = true;

    public bool UseRslora { get; init; }

    public bool InitLoraWeights { get; init; } = true;
}

namespace Persona.Tensors.Training;

/// <summary>Everything <c>persona lora train</c> needs: base checkpoint, chat JSONL, output folder and settings.</summary>
public sealed record LoraTrainingRequest
{
    public required string BaseModel { get; init; }

    public required string DataFile { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>Tokenizer file when the checkpoint carries none (llama2.c .bin).</summary>
    public string? Tokenizer { get; init; }

    public LoraOptions Lora { get; init; } = new();

    public LoraTrainingOptions Training { get; init; } = new();

    /// <summary>Share of conversations held out for the validation loss (at least one when there are two or more).</summary>
    public float ValidationFraction { get; init; } = 0.1f;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        problems.AddRange(Lora.Problems());
        problems.AddRange(Training.Problems());
        if (!(ValidationFraction >= 0 && ValidationFraction < 1))
            problems.Add($"validation fraction must be in [0, 1) (got {ValidationFraction})");
        if (!File.Exists(DataFile))
            problems.Add($"data file {DataFile} does not exist");
        if (!File.Exists(BaseModel) && !Directory.Exists(BaseModel))
            problems.Add($"base model {BaseModel} does not exist");
        return problems;
    }
}

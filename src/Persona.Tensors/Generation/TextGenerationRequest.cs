namespace Persona.Tensors.Generation;

/// <summary>
/// One text completion: the checkpoint, an optional separate tokenizer file, an optional prompt (none =
/// start from the BOS token, as llama2.c does), the number of new tokens and the sampling settings.
/// </summary>
public sealed record TextGenerationRequest(string ModelPath, string? TokenizerPath, string? Prompt, int MaxTokens, SamplingOptions Sampling)
{
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ModelPath))
            problems.Add("a model path is required");
        if (MaxTokens < 0)
            problems.Add($"max tokens must be ≥ 0 (got {MaxTokens})");
        problems.AddRange(Sampling?.Problems() ?? ["sampling options are required"]);
        return problems;
    }
}

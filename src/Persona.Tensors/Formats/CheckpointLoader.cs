using Persona.Tensors.Tokenization;

namespace Persona.Tensors.Formats;

/// <summary>
/// Loads any supported checkpoint from a path: a directory is a Hugging Face checkpoint, a file starting
/// with "GGUF" is GGUF, any other file is a llama2.c <c>.bin</c>. Malformed content raises
/// <see cref="ModelFormatException"/> naming the file and the offset or tensor.
/// </summary>
public static class CheckpointLoader
{
    public static async Task<LoadedModel> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
            return await HuggingFaceCheckpoint.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        if (!File.Exists(path))
            throw new FileNotFoundException($"no checkpoint file or directory at {path}", path);
        return await Task.Run(
            () =>
            {
                if (!Llama2cCheckpoint.LooksLike(path))
                    return GgufCheckpoint.Load(path);
                var (config, weights) = Llama2cCheckpoint.Read(path);
                return new LoadedModel(config, weights, null, CheckpointFormat.Llama2c);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a tokenizer file on its own: <c>tokenizer.json</c> (HF), a GGUF file's vocabulary, or a llama2.c
    /// <c>tokenizer.bin</c> (which needs <paramref name="vocabSize"/>, the model's vocabulary size).
    /// </summary>
    public static async Task<ITokenizer> LoadTokenizerAsync(string path, int vocabSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
            path = Path.Combine(path, "tokenizer.json");
        if (!File.Exists(path))
            throw new FileNotFoundException($"no tokenizer file at {path}", path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return await TokenizerJson.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        return await Task.Run<ITokenizer>(
            () => Llama2cCheckpoint.LooksLike(path) ? Llama2cTokenizerFile.Read(path, vocabSize) : GgufCheckpoint.LoadTokenizer(path),
            cancellationToken).ConfigureAwait(false);
    }
}

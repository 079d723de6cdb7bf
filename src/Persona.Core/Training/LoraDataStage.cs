using Persona.Core.Library;
using Persona.Core.Llm;
using Persona.Core.Pipeline;
using Persona.Core.Training.Synthetic;

namespace Persona.Core.Training;

/// <summary>The training-data stage as the CLI and notebook 07 call it: read the pipeline outputs, build, write.</summary>
public static class LoraDataStage
{
    /// <summary>
    /// Reads the inputs under <paramref name="paths"/> (and the profile, when given) and builds every persona's dataset.
    /// With <see cref="LoraDataOptions.SyntheticPrompts"/> the <c>responder</c> role of <paramref name="llm"/> writes the
    /// user turn of openers (cached in <c>lora_training/synthetic_prompts.cache.jsonl</c>); the result's
    /// <see cref="LoraDataResult.SyntheticPrompts"/> says what it did, or why it did nothing.
    /// </summary>
    public static async Task<LoraDataResult> BuildAsync(
        PipelinePaths paths,
        ProfilePaths? profile = null,
        LoraDataOptions? options = null,
        IDatasetTokenizer? tokenizer = null,
        LlmRuntime? llm = null,
        IProgress<SyntheticPromptProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var builder = new LoraDataBuilder(options, tokenizer);
        var inputs = await LoraDataInputReader.ReadAsync(paths, profile, builder.Options, cancellationToken).ConfigureAwait(false);
        if (!builder.Options.SyntheticPrompts)
            return builder.Build(inputs);

        var prepared = inputs.Personas.Select(builder.Prepare).ToList();
        var cacheFile = Path.Combine(paths.LoraTraining, SyntheticPromptWriter.CacheFileName);
        var cacheName = Path.GetRelativePath(paths.Root, cacheFile).Replace('\\', '/');
        var synthetic = await SyntheticPromptPass.RunAsync(builder, prepared, llm, cacheFile, cacheName, progress, cancellationToken).ConfigureAwait(false);
        return builder.Build(inputs, prepared, synthetic);
    }

    /// <summary>Writes the datasets and cards to <paramref name="outputFolder"/> (default <c>lora_training/</c> under the pipeline folder).</summary>
    public static Task<IReadOnlyList<string>> WriteAsync(LoraDataResult result, PipelinePaths paths, string? outputFolder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return LoraDataWriter.WriteAsync(result, outputFolder ?? paths.LoraTraining, cancellationToken);
    }
}

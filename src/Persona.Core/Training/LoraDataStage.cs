using Persona.Core.Library;
using Persona.Core.Pipeline;

namespace Persona.Core.Training;

/// <summary>The training-data stage as the CLI and notebook 07 call it: read the pipeline outputs, build, write.</summary>
public static class LoraDataStage
{
    /// <summary>Reads the inputs under <paramref name="paths"/> (and the profile, when given) and builds every persona's dataset.</summary>
    public static async Task<LoraDataResult> BuildAsync(PipelinePaths paths, ProfilePaths? profile = null, LoraDataOptions? options = null, IDatasetTokenizer? tokenizer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var builder = new LoraDataBuilder(options, tokenizer);
        var inputs = await LoraDataInputReader.ReadAsync(paths, profile, builder.Options, cancellationToken).ConfigureAwait(false);
        return builder.Build(inputs);
    }

    /// <summary>Writes the datasets and cards to <paramref name="outputFolder"/> (default <c>lora_training/</c> under the pipeline folder).</summary>
    public static Task<IReadOnlyList<string>> WriteAsync(LoraDataResult result, PipelinePaths paths, string? outputFolder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return LoraDataWriter.WriteAsync(result, outputFolder ?? paths.LoraTraining, cancellationToken);
    }
}

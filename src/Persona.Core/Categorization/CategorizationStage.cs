using System.Text.Json;
using Persona.Core.Import;
using Persona.Core.Pipeline;
using Persona.Core.Storage;

namespace Persona.Core.Categorization;

/// <summary>
/// Categorizes all messages and writes <c>extracted/categorized_messages.parquet</c> with its info
/// file. With <c>refresh</c>, an existing result whose messages hash, rules hash and strategy all
/// match is read back instead of recomputed.
/// </summary>
public static class CategorizationStage
{
    public static string InfoPath(PipelinePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Path.ChangeExtension(paths.CategorizedMessages, ".info.json");
    }

    public static async Task<CategorizationRun> RunAsync(
        PipelinePaths paths,
        IReadOnlyList<PersonMessage> messages,
        IMessageCategorizer categorizer,
        string rulesHash,
        string rulesSource,
        bool refresh,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(categorizer);
        var info = new CategorizationInfo(MessageSetHash.Compute(messages), rulesHash, rulesSource, categorizer.Strategy, messages.Count);
        if (refresh && await ReadInfoAsync(paths, cancellationToken).ConfigureAwait(false) is { } previous
            && previous with { RulesSource = info.RulesSource } == info && File.Exists(paths.CategorizedMessages))
        {
            var existing = await CategorizedMessagesDataset.ReadAsync(paths.CategorizedMessages, cancellationToken).ConfigureAwait(false);
            if (existing.Count == messages.Count && existing.Select(c => c.MessageId).SequenceEqual(messages.Select(m => m.MessageId), StringComparer.Ordinal))
                return new CategorizationRun(existing, CategoryDistribution.Compute(existing), info, Reused: true, paths.CategorizedMessages);
        }

        var categories = await categorizer.CategorizeAsync(messages, progress, cancellationToken).ConfigureAwait(false);
        await CategorizedMessagesDataset.WriteAsync(paths.CategorizedMessages, categories, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(InfoPath(paths), JsonSerializer.Serialize(info, CategorizationJsonContext.Default.CategorizationInfo) + "\n", cancellationToken).ConfigureAwait(false);
        return new CategorizationRun(categories, CategoryDistribution.Compute(categories), info, Reused: false, paths.CategorizedMessages);
    }

    private static async Task<CategorizationInfo?> ReadInfoAsync(PipelinePaths paths, CancellationToken cancellationToken)
    {
        var path = InfoPath(paths);
        if (!File.Exists(path))
            return null;
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, CategorizationJsonContext.Default.CategorizationInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null; // An unreadable info file only means the result cannot be reused.
        }
    }
}

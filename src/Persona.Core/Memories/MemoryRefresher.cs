using Persona.Core.Import;

namespace Persona.Core.Memories;

/// <summary>
/// Makes or refreshes per-conversation memories. Each conversation is isolated: a summarizer failure
/// is recorded and the others continue; memories that were made are saved even when some failed.
/// </summary>
public sealed class MemoryRefresher
{
    private readonly IMemorySummarizer _summarizer;
    private readonly MemoryStore _store;
    private readonly TimeProvider _time;

    public MemoryRefresher(IMemorySummarizer summarizer, MemoryStore store, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(summarizer);
        ArgumentNullException.ThrowIfNull(store);
        _summarizer = summarizer;
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
    }

    public async Task<MemoryRefreshResult> RefreshAsync(IEnumerable<PersonMessage> messages, MemoryRefreshOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MemoryRefreshOptions();
        options.Validate();
        var conversations = ConversationTranscript.Group(messages);
        var existing = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        var candidates = conversations
            .Where(c => options.IncludeEmpty || !c.IsEmpty)
            .Where(c => !options.OnlyNeeding || !existing.TryGetValue(c.ConversationId, out var m) || m.IsOlderThan(c))
            .OrderByDescending(c => c.UpdatedAt ?? DateTimeOffset.MinValue).ThenBy(c => c.ConversationId, StringComparer.Ordinal)
            .Take(options.Clamp ?? int.MaxValue)
            .ToList();

        var made = new List<ConversationMemory>();
        var failures = new List<MemoryRefreshFailure>();
        foreach (var conversation in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var summary = conversation.IsEmpty
                    ? new MemorySummary("", [], [])
                    : await _summarizer.SummarizeAsync(conversation, cancellationToken).ConfigureAwait(false);
                made.Add(new ConversationMemory(conversation.ConversationId, conversation.Title, summary.Summary, summary.KeySentences, summary.Topics,
                    conversation.UpdatedAt, conversation.Messages.Count, _time.GetUtcNow(), summary.Method ?? _summarizer.Name));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // Batch step: one conversation's failure is recorded and the rest continue.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add(new MemoryRefreshFailure(conversation.ConversationId, ex.GetType().Name + ": " + ex.Message));
            }
        }

        await _store.SaveAsync(made, cancellationToken).ConfigureAwait(false);
        return new MemoryRefreshResult(conversations.Count, made.Count, conversations.Count - made.Count - failures.Count, failures, _summarizer.Name);
    }
}

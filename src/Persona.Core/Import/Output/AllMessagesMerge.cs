namespace Persona.Core.Import.Output;

/// <summary>
/// Merges a run's conversations (held in a <see cref="ConversationSpill"/>) into <c>all_messages</c> without
/// holding all rows in memory: one pass over the existing file computes each conversation's content hash,
/// a second streams the existing rows and the new conversations, both in (format, id) order, into the new
/// file. A conversation seen again replaces its old rows; conversations the run lacks are kept.
/// </summary>
internal static class AllMessagesMerge
{
    /// <summary>Reads the existing file once: what changes, in which order the run's conversations go, how many rows result.</summary>
    public static async Task<AllMessagesMergePlan> PlanAsync(
        string path,
        IReadOnlyCollection<SpilledConversation> incoming,
        CancellationToken cancellationToken)
    {
        var (previous, ordered) = await HashExistingAsync(path, cancellationToken).ConfigureAwait(false);
        var added = new List<string>();
        var updated = new List<string>();
        var unchanged = 0;
        var rows = 0;
        foreach (var conversation in incoming)
        {
            rows += conversation.Count;
            if (!previous.TryGetValue((conversation.Format, conversation.Id), out var existing))
            {
                added.Add(conversation.Id);
                continue;
            }

            if (existing.Hash == conversation.ContentHash)
                unchanged++;
            else
                updated.Add(conversation.Id);
            existing.Replaced = true;
        }

        foreach (var existing in previous.Values)
        {
            if (!existing.Replaced)
                rows += existing.Rows;
        }

        var changes = new ImportChanges(added.Count, updated.Count, unchanged, previous.Count - unchanged - updated.Count, added, updated);
        var sorted = incoming.OrderBy(c => (c.Format, c.Id), ImportMerge.KeyComparer.Instance).ToList();
        return new AllMessagesMergePlan(changes, sorted, ordered, ordered ? rows : null);
    }

    /// <summary>Writes the merged file; returns the changes and the number of rows written.</summary>
    public static async Task<(ImportChanges Changes, int Rows)> WriteAsync(
        string path,
        ConversationSpill spill,
        AllMessagesMergePlan plan,
        CancellationToken cancellationToken)
    {
        if (!plan.Ordered)
        {
            // Rows not grouped in key order (written by something else): merge in memory instead.
            var existing = await AllMessagesDataset.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            var merged = ImportMerge.Merge(existing, [.. plan.Incoming.Select(c => new ImportedConversation(c.Format, c.Id, c.UpdatedAt, [.. spill.Read(c)]))]);
            await AllMessagesDataset.WriteAsync(path, merged.Rows, cancellationToken).ConfigureAwait(false);
            return (merged.Changes, merged.Rows.Count);
        }

        var count = 0;
        await AllMessagesDataset.WriteAsync(path, Counted(Merged(path, spill, plan.Incoming, cancellationToken)), cancellationToken).ConfigureAwait(false);
        return (plan.Changes, count);

        async IAsyncEnumerable<PersonMessage> Counted(IAsyncEnumerable<PersonMessage> rows)
        {
            await foreach (var row in rows.ConfigureAwait(false))
            {
                count++;
                yield return row;
            }
        }
    }

    private static async IAsyncEnumerable<PersonMessage> Merged(
        string path,
        ConversationSpill spill,
        IReadOnlyList<SpilledConversation> sorted,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var comparer = ImportMerge.KeyComparer.Instance;
        var next = 0;
        (ExportFormat, string)? replaced = null;
        if (File.Exists(path))
        {
            await foreach (var row in AllMessagesDataset.StreamAsync(path, cancellationToken).ConfigureAwait(false))
            {
                var key = (row.SourceFormat, row.ConversationId);
                if (replaced == key)
                    continue;
                while (next < sorted.Count && comparer.Compare((sorted[next].Format, sorted[next].Id), key) < 0)
                {
                    foreach (var m in spill.Read(sorted[next++]))
                        yield return m;
                }

                if (next < sorted.Count && comparer.Compare((sorted[next].Format, sorted[next].Id), key) == 0)
                {
                    foreach (var m in spill.Read(sorted[next++]))
                        yield return m;
                    replaced = key;
                    continue;
                }

                yield return row;
            }
        }

        while (next < sorted.Count)
        {
            foreach (var m in spill.Read(sorted[next++]))
                yield return m;
        }
    }

    /// <summary>Content hash and row count per existing conversation, and whether its rows are grouped in key order.</summary>
    private static async Task<(Dictionary<(ExportFormat, string), ExistingConversation> Conversations, bool Ordered)> HashExistingAsync(string path, CancellationToken cancellationToken)
    {
        var conversations = new Dictionary<(ExportFormat, string), ExistingConversation>();
        if (!File.Exists(path))
            return (conversations, true);

        var ordered = true;
        var group = new List<PersonMessage>();
        (ExportFormat Format, string Id)? current = null;
        await foreach (var row in AllMessagesDataset.StreamAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var key = (row.SourceFormat, row.ConversationId);
            if (current != key)
            {
                if (current is { } done)
                {
                    ordered &= conversations.TryAdd(done, new ExistingConversation(ConversationHash.Compute(group), group.Count))
                        && ImportMerge.KeyComparer.Instance.Compare(done, key) < 0;
                }

                group.Clear();
                current = key;
            }

            group.Add(row);
        }

        if (current is { } last)
            ordered &= conversations.TryAdd(last, new ExistingConversation(ConversationHash.Compute(group), group.Count));
        return (conversations, ordered);
    }

    /// <summary>A conversation already in the file: its content hash, its rows, and whether this run replaces it.</summary>
    private sealed class ExistingConversation(string hash, int rows)
    {
        public string Hash { get; } = hash;

        public int Rows { get; } = rows;

        public bool Replaced { get; set; }
    }
}

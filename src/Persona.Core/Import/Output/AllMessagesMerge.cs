namespace Persona.Core.Import.Output;

/// <summary>
/// Merges a run's conversations (held in a <see cref="ConversationSpill"/>) into <c>all_messages</c> without
/// holding all rows in memory: one pass over the existing file computes each conversation's content hash,
/// a second streams the existing rows and the new conversations, both in (format, id) order, into the new
/// file. A conversation seen again replaces its old rows; conversations the run lacks are kept.
/// </summary>
internal static class AllMessagesMerge
{
    public static async Task<(ImportChanges Changes, int Rows)> WriteAsync(
        string path,
        ConversationSpill spill,
        IReadOnlyCollection<SpilledConversation> incoming,
        CancellationToken cancellationToken)
    {
        var (previous, ordered) = await HashExistingAsync(path, cancellationToken).ConfigureAwait(false);
        var added = new List<string>();
        var updated = new List<string>();
        var unchanged = 0;
        foreach (var conversation in incoming)
        {
            if (!previous.TryGetValue((conversation.Format, conversation.Id), out var hash))
                added.Add(conversation.Id);
            else if (hash == conversation.ContentHash)
                unchanged++;
            else
                updated.Add(conversation.Id);
        }

        var changes = new ImportChanges(added.Count, updated.Count, unchanged, previous.Count - unchanged - updated.Count, added, updated);
        var sorted = incoming.OrderBy(c => (c.Format, c.Id), ImportMerge.KeyComparer.Instance).ToList();
        var count = 0;
        if (ordered)
        {
            await AllMessagesDataset.WriteAsync(path, Counted(Merged(path, spill, sorted, cancellationToken)), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Rows not grouped in key order (written by something else): merge in memory instead.
            var existing = await AllMessagesDataset.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            var merged = ImportMerge.Merge(existing, [.. sorted.Select(c => new ImportedConversation(c.Format, c.Id, c.UpdatedAt, [.. spill.Read(c)]))]);
            await AllMessagesDataset.WriteAsync(path, merged.Rows, cancellationToken).ConfigureAwait(false);
            count = merged.Rows.Count;
            changes = merged.Changes;
        }

        return (changes, count);

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
        List<SpilledConversation> sorted,
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

    /// <summary>Content hash per existing conversation, and whether its rows are grouped in key order.</summary>
    private static async Task<(Dictionary<(ExportFormat, string), string> Hashes, bool Ordered)> HashExistingAsync(string path, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<(ExportFormat, string), string>();
        if (!File.Exists(path))
            return (hashes, true);

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
                    ordered &= hashes.TryAdd(done, ConversationHash.Compute(group)) && ImportMerge.KeyComparer.Instance.Compare(done, key) < 0;
                }

                group.Clear();
                current = key;
            }

            group.Add(row);
        }

        if (current is { } last)
            ordered &= hashes.TryAdd(last, ConversationHash.Compute(group));
        return (hashes, ordered);
    }
}

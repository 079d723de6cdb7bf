namespace Persona.Core.Import;

/// <summary>
/// Merges a run's conversations into the rows an earlier import wrote: a conversation (format + id)
/// seen again replaces its old rows when its content hash differs, conversations the run does not
/// contain are kept. Rows are ordered by format, conversation id, then thread order, so the same
/// inputs always give the same file.
/// </summary>
internal static class ImportMerge
{
    public static ImportMergeResult Merge(IReadOnlyList<PersonMessage> existing, IReadOnlyList<ImportedConversation> incoming)
    {
        var previous = existing
            .GroupBy(m => (m.SourceFormat, m.ConversationId))
            .ToDictionary(g => g.Key, g => g.ToList());
        var current = new SortedDictionary<(ExportFormat, string), IReadOnlyList<PersonMessage>>(KeyComparer.Instance);
        foreach (var (key, old) in previous)
            current[key] = old;

        var added = new List<string>();
        var updated = new List<string>();
        var unchanged = 0;
        foreach (var conversation in incoming)
        {
            var key = (conversation.Format, conversation.Id);
            if (!previous.TryGetValue(key, out var old))
                added.Add(conversation.Id);
            else if (ConversationHash.Compute(old) == conversation.ContentHash)
                unchanged++;
            else
                updated.Add(conversation.Id);
            current[key] = conversation.Messages;
        }

        var kept = previous.Count - unchanged - updated.Count;
        var rows = current.Values.SelectMany(r => r).ToList();
        return new ImportMergeResult(rows, new ImportChanges(added.Count, updated.Count, unchanged, kept, added, updated));
    }

    internal sealed class KeyComparer : IComparer<(ExportFormat Format, string Id)>
    {
        public static KeyComparer Instance { get; } = new();

        public int Compare((ExportFormat Format, string Id) x, (ExportFormat Format, string Id) y)
        {
            var format = x.Format.CompareTo(y.Format);
            return format != 0 ? format : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}

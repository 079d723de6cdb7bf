using System.Text.Json.Nodes;
using Persona.Core.Import;
using Persona.Core.Library;

namespace Persona.Core.Memories;

/// <summary>
/// Per-user generation: optionally refreshes conversation memories, then derives the core persona
/// fields that memories support offline — <c>currentFocus</c> (topics recurring in the most recent
/// conversations) and <c>interests</c> (topics recurring across all of them) — and merges them into
/// <c>core.json</c> as a new version whose provenance says <see cref="CoreFieldSource.Memories"/>.
/// Memory failures are reported and generation continues.
/// </summary>
public sealed class CorePersonaGenerator
{
    private readonly PersonaLibrary _library;
    private readonly IMemorySummarizer _summarizer;
    private readonly TimeProvider _time;

    public CorePersonaGenerator(PersonaLibrary library, IMemorySummarizer? summarizer = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        _library = library;
        _summarizer = summarizer ?? new ExtractiveMemorySummarizer();
        _time = timeProvider ?? TimeProvider.System;
    }

    public async Task<PersonaGenerationResult> GenerateAsync(IEnumerable<PersonMessage> messages, PersonaGenerationOptions? options = null, string? author = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        options ??= new PersonaGenerationOptions();
        options.Validate();
        var store = new MemoryStore(_library);
        MemoryRefreshResult? refresh = null;
        if (options.Refresh is not null)
            refresh = await new MemoryRefresher(_summarizer, store, _time).RefreshAsync(messages, options.Refresh, cancellationToken).ConfigureAwait(false);

        var memories = (await store.LoadAsync(cancellationToken).ConfigureAwait(false)).Values.Where(m => m.Topics.Count > 0).ToList();
        var recent = memories.OrderByDescending(m => m.ConversationUpdatedAt ?? DateTimeOffset.MinValue).ThenBy(m => m.ConversationId, StringComparer.Ordinal)
            .Take(options.RecentConversations).ToList();
        var focus = Recurring(recent, options.MaxTerms);
        var interests = Recurring(memories, options.MaxTerms);
        var mode = $"memories by {_summarizer.Name}; fields derived offline (recurring topics)";
        var core = await _library.Core.GetAsync(cancellationToken).ConfigureAwait(false);
        if (focus.Count == 0 && interests.Count == 0)
            return new PersonaGenerationResult(mode, refresh, memories.Count, focus, interests, core.Version, Updated: false);

        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (focus.Count > 0)
            fields["currentFocus"] = new JsonArray([.. focus.Select(t => (JsonNode?)JsonValue.Create(t))]);
        if (interests.Count > 0)
            fields["interests"] = new JsonArray([.. interests.Select(t => (JsonNode?)JsonValue.Create(t))]);
        var updated = await _library.Core.ApplyAsync(new CorePersonaUpdate(fields, CoreFieldSource.Memories), core.Version, author,
            $"derived offline from {memories.Count} conversation memories", cancellationToken).ConfigureAwait(false);
        return new PersonaGenerationResult(mode, refresh, memories.Count, focus, interests, updated.Version, Updated: true);
    }

    /// <summary>Terms that occur in at least two memories (or, with a single memory, its own topics), most widespread first.</summary>
    private static List<string> Recurring(List<ConversationMemory> memories, int max)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in memories.SelectMany(m => m.Topics.Distinct(StringComparer.Ordinal)))
            counts[term] = counts.GetValueOrDefault(term) + 1;
        var minimum = memories.Count >= 2 ? 2 : 1;
        return counts.Where(p => p.Value >= minimum)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(max).Select(p => p.Key).ToList();
    }
}

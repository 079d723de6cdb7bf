using System.Text.Json;
using Persona.Core.Library;
using Persona.Core.Storage;

namespace Persona.Core.Memories;

/// <summary>
/// A profile's conversation memories (<c>memory/conversations.json</c>), written atomically under the
/// profile lock so a crash or a second writer never loses stored memories.
/// </summary>
public sealed class MemoryStore
{
    private readonly PersonaLibrary _library;

    public MemoryStore(PersonaLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        _library = library;
    }

    private string FilePath => _library.Paths.ConversationMemories;

    /// <summary>Every stored memory, by conversation id.</summary>
    public async Task<IReadOnlyDictionary<string, ConversationMemory>> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(FilePath))
            return new Dictionary<string, ConversationMemory>(StringComparer.Ordinal);
        await using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 14, FileOptions.Asynchronous);
        try
        {
            var list = await JsonSerializer.DeserializeAsync(stream, MemoriesJsonContext.Default.ListConversationMemory, cancellationToken).ConfigureAwait(false) ?? [];
            return list.ToDictionary(m => m.ConversationId, StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{FilePath}: not a valid memory file (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }

    /// <summary>Adds or replaces memories, keeping every other stored memory.</summary>
    public Task SaveAsync(IReadOnlyCollection<ConversationMemory> memories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(memories);
        if (memories.Count == 0)
            return Task.CompletedTask;
        return _library.WithLockAsync(async () =>
        {
            var all = new Dictionary<string, ConversationMemory>(await LoadAsync(cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
            foreach (var m in memories)
                all[m.ConversationId] = m;
            var ordered = all.Values.OrderBy(m => m.ConversationId, StringComparer.Ordinal).ToList();
            await AtomicFile.WriteAsync(FilePath, (s, ct) => JsonSerializer.SerializeAsync(s, ordered, MemoriesJsonContext.Default.ListConversationMemory, ct), cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
    }
}

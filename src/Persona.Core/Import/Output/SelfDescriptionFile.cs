using System.Text;
using System.Text.Json;
using Persona.Core.Storage;

namespace Persona.Core.Import.Output;

/// <summary><c>extracted/self_description.jsonl</c>: one <see cref="SelfDescription"/> per line, each text once per kind.</summary>
public static class SelfDescriptionFile
{
    public static async Task<IReadOnlyList<SelfDescription>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            return [];
        var items = new List<SelfDescription>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            try
            {
                items.Add(JsonSerializer.Deserialize(line, ImportLineJsonContext.Default.SelfDescription)
                    ?? throw new InvalidDataException($"{path}: line {lineNumber} is null"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}: line {lineNumber} is not a self-description record: {ex.Message}", ex);
            }
        }

        return items;
    }

    public static Task WriteAsync(string path, IEnumerable<SelfDescription> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return AtomicFile.WriteAllTextAsync(path, ToJsonLines(items), cancellationToken);
    }

    /// <summary>The file's content.</summary>
    internal static string ToJsonLines(IEnumerable<SelfDescription> items)
    {
        var text = new StringBuilder();
        foreach (var item in items)
            text.Append(JsonSerializer.Serialize(item, ImportLineWriteJsonContext.Default.SelfDescription)).Append('\n');
        return text.ToString();
    }

    /// <summary>Existing lines first, then new ones whose (kind, text) is not there yet.</summary>
    public static List<SelfDescription> Merge(IEnumerable<SelfDescription> existing, IEnumerable<SelfDescription> incoming)
    {
        // Keyed by a string (kind number, then the text) rather than a tuple: no generic code to compile at run time.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var merged = new List<SelfDescription>();
        foreach (var item in existing.Concat(incoming))
        {
            if (seen.Add(((int)item.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + item.Text))
                merged.Add(item);
        }

        return merged;
    }
}

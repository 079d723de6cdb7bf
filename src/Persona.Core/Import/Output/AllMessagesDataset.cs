using System.Text;
using System.Text.Json;
using Persona.Core.Storage;

namespace Persona.Core.Import.Output;

/// <summary><c>extracted/all_messages.parquet</c>: one <see cref="PersonMessage"/> per row.</summary>
public static class AllMessagesDataset
{
    // INTERIM until the typed Parquet API lands: JSON lines, so everything around it can be built and tested.
    public static async Task<IReadOnlyList<PersonMessage>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var rows = new List<PersonMessage>();
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (line.Length > 0)
                rows.Add(JsonSerializer.Deserialize(line, InterimJsonContext.Default.PersonMessage)!);
        }

        return rows;
    }

    public static Task WriteAsync(string path, IEnumerable<PersonMessage> rows, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(JsonSerializer.Serialize(row, InterimJsonContext.Default.PersonMessage)).Append('\n');
        return AtomicFile.WriteAllTextAsync(path, text.ToString(), cancellationToken);
    }
}

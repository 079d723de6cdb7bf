using System.Text.Json;
using Persona.Core.Import;
using Persona.Core.Pipeline;

namespace Persona.Core.Prompts;

/// <summary>
/// Reads the clustering stage's per-cluster message files (<c>clusters/persona_&lt;name&gt;.jsonl</c>, one JSON
/// object per message) into <see cref="PersonaMessageSet"/>s. Field names are matched without regard to case
/// or underscores (<c>message_id</c>, <c>messageId</c>). Bad lines never throw: each becomes a diagnostic
/// with file and line, and the rest is read.
/// </summary>
public static class ClusterPersonaReader
{
    public const string FilePrefix = "persona_";

    public static async Task<ClusterReadResult> ReadAsync(PipelinePaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!Directory.Exists(paths.Clusters))
            throw new DirectoryNotFoundException($"{paths.Clusters} does not exist: run the clustering stage first (persona cluster)");
        var files = Directory.GetFiles(paths.Clusters, FilePrefix + "*.jsonl").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new FileNotFoundException($"no {FilePrefix}<name>.jsonl files in {paths.Clusters}: run the clustering stage first (persona cluster)");

        var personas = new List<PersonaMessageSet>();
        var diagnostics = new List<ClusterReadDiagnostic>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file)[FilePrefix.Length..];
            var (messages, categories) = await ReadFileAsync(file, diagnostics, cancellationToken).ConfigureAwait(false);
            if (messages.Count == 0)
            {
                diagnostics.Add(new ClusterReadDiagnostic(file, 0, "no usable messages; persona skipped"));
                continue;
            }

            personas.Add(new PersonaMessageSet(name, name, messages, categories.Count == 0 ? null : categories));
        }

        return new ClusterReadResult(personas, diagnostics);
    }

    private static async Task<(List<PersonMessage> Messages, Dictionary<string, IReadOnlyList<string>> Categories)> ReadFileAsync(
        string file, List<ClusterReadDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var messages = new List<PersonMessage>();
        var categories = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        using var reader = new StreamReader(file);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                diagnostics.Add(new ClusterReadDiagnostic(file, lineNumber, "not JSON: " + ex.Message));
                continue;
            }

            using (document)
            {
                if (ClusterMessageLine.TryRead(document.RootElement, out var message, out var labels, out var problem))
                {
                    if (!seen.Add(message!.MessageId))
                    {
                        diagnostics.Add(new ClusterReadDiagnostic(file, lineNumber, $"duplicate message id {message.MessageId}; skipped"));
                        continue;
                    }

                    messages.Add(message);
                    if (labels.Count > 0)
                        categories[message.MessageId] = labels;
                }
                else
                {
                    diagnostics.Add(new ClusterReadDiagnostic(file, lineNumber, problem!));
                }
            }
        }

        return (messages, categories);
    }
}

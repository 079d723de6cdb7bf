using Persona.Core.Clustering;
using Persona.Core.Import;
using Persona.Core.Pipeline;

namespace Persona.Core.Prompts;

/// <summary>
/// Reads the clustering stage's per-cluster message files (<c>clusters/persona_&lt;slug&gt;.jsonl</c>, through
/// <see cref="ClusterMessageFile"/>) into <see cref="PersonaMessageSet"/>s named by their slug. Each message's
/// categories (topic, tone, length, reasoning markers, question types) become its labels. Bad lines never
/// throw: each becomes a diagnostic with file and line, and the rest is read.
/// </summary>
public static class ClusterPersonaReader
{
    public static async Task<ClusterReadResult> ReadAsync(PipelinePaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!Directory.Exists(paths.Clusters))
            throw new DirectoryNotFoundException($"{paths.Clusters} does not exist: run the clustering stage first (persona cluster)");
        var files = Directory.GetFiles(paths.Clusters, ClusterFileNames.SearchPattern).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new FileNotFoundException($"no {ClusterFileNames.SearchPattern} files in {paths.Clusters}: run the clustering stage first (persona cluster)");

        var personas = new List<PersonaMessageSet>();
        var diagnostics = new List<ClusterReadDiagnostic>();
        foreach (var file in files)
        {
            var name = ClusterFileNames.SlugOf(file);
            var read = await ClusterMessageFile.ReadAsync(file, cancellationToken).ConfigureAwait(false);
            diagnostics.AddRange(read.Problems.Select(problem => new ClusterReadDiagnostic(file, problem.Line, problem.Message)));
            if (read.Messages.Count == 0)
            {
                diagnostics.Add(new ClusterReadDiagnostic(file, 0, "no usable messages; persona skipped"));
                continue;
            }

            var messages = read.Messages.Select(ToPersonMessage).ToList();
            var categories = read.Messages.ToDictionary(m => m.MessageId, Labels, StringComparer.Ordinal);
            personas.Add(new PersonaMessageSet(name, name, messages, categories));
        }

        return new ClusterReadResult(personas, diagnostics);
    }

    // The cluster file carries no position, format or branch: the prompts stage does not use them.
    private static PersonMessage ToPersonMessage(ClusteredMessage m) => new(
        m.MessageId,
        m.ConversationId,
        m.ConversationTitle,
        default,
        0,
        m.CreatedAt,
        m.Context,
        m.Text,
        m.Text.Length,
        m.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
        true);

    private static IReadOnlyList<string> Labels(ClusteredMessage m) =>
        [.. new[] { m.Topic, m.Tone, m.Length }.Where(label => !string.IsNullOrEmpty(label)), .. m.ReasoningMarkers, .. m.QuestionTypes];
}

using System.Text;
using System.Text.Json;
using Persona.Core.Pipeline;
using Persona.Core.Storage;

namespace Persona.Core.Clustering;

/// <summary>
/// Writes a clustering result: <c>clusters/cluster_analysis.json</c>, <c>clusters/assignments.parquet</c>,
/// one <c>clusters/persona_&lt;name&gt;.jsonl</c> per cluster (stale ones from an earlier run removed
/// after the new ones are written) and <c>reports/clusters.html</c>. Every file is written atomically.
/// </summary>
public static class ClusterOutputWriter
{
    public const string ReportFileName = "clusters.html";

    public static async Task<IReadOnlyList<string>> WriteAsync(PipelinePaths paths, ClusteringResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(result);
        var written = new List<string>();
        Directory.CreateDirectory(paths.Clusters);

        await ClusterAssignmentsDataset.WriteAsync(paths.ClusterAssignments, result.Assignments, cancellationToken).ConfigureAwait(false);
        written.Add(paths.ClusterAssignments);

        var slugs = PersonaFileNames(result.Analysis);
        for (var c = 0; c < result.Analysis.Clusters.Count; c++)
        {
            var path = Path.Combine(paths.Clusters, slugs[c]);
            var lines = new StringBuilder();
            for (var i = 0; i < result.Messages.Count; i++)
            {
                if (result.Assignments[i].Cluster != c)
                    continue;
                var m = result.Messages[i];
                var k = result.Categories[i];
                var row = new ClusteredMessage(
                    m.MessageId, m.ConversationId, m.ConversationTitle, m.CreatedAt, m.Text, m.Context,
                    k.Topic.Value.Value, k.Tone.Value.Value, MessageClusterer.LengthName(k.Length.Value),
                    [.. k.ReasoningMarkers.Select(x => x.Value.Value)], [.. k.QuestionTypes.Select(x => x.Value.Value)],
                    result.Assignments[i].Margin);
                lines.Append(JsonSerializer.Serialize(row, ClusteringJsonLineContext.Default.ClusteredMessage)).Append('\n');
            }

            await AtomicFile.WriteAllTextAsync(path, lines.ToString(), cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        foreach (var stale in Directory.EnumerateFiles(paths.Clusters, "persona_*.jsonl").Where(p => !slugs.Contains(Path.GetFileName(p))).ToList())
            File.Delete(stale);

        var report = await ClusterFigures.Report(result).WriteToReportsAsync(paths, ReportFileName, cancellationToken).ConfigureAwait(false);
        written.Add(report);

        // Last: the analysis names the inputs it came from, so a refresh only trusts a complete set of outputs.
        await AtomicFile.WriteAllTextAsync(paths.ClusterAnalysis, JsonSerializer.Serialize(result.Analysis, ClusteringJsonContext.Default.ClusterAnalysis) + "\n", cancellationToken).ConfigureAwait(false);
        written.Add(paths.ClusterAnalysis);
        return written;
    }

    public static async Task<ClusterAnalysis?> ReadAnalysisAsync(PipelinePaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!File.Exists(paths.ClusterAnalysis))
            return null;
        await using var stream = File.OpenRead(paths.ClusterAnalysis);
        try
        {
            return await JsonSerializer.DeserializeAsync(stream, ClusteringJsonContext.Default.ClusterAnalysis, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{paths.ClusterAnalysis}: not a readable cluster analysis ({ex.Path}, line {ex.LineNumber}): {ex.Message}", ex);
        }
    }

    /// <summary>File names <c>persona_&lt;slug&gt;.jsonl</c>, one per cluster, unique.</summary>
    public static IReadOnlyList<string> PersonaFileNames(ClusterAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var cluster in analysis.Clusters)
        {
            var slug = Slug(cluster.Name);
            var unique = slug;
            for (var i = 2; !used.Add(unique); i++)
                unique = $"{slug}-{i}";
            names.Add($"persona_{unique}.jsonl");
        }

        return names;
    }

    private static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "cluster" : slug;
    }
}

using System.Text;

namespace Persona.Core.Clustering;

/// <summary>
/// How the clustering stage names its per-cluster files: <c>persona_&lt;slug&gt;.jsonl</c>, the slug being the
/// cluster's name in lower case with runs of other characters turned into one <c>-</c>, made unique with
/// <c>-2</c>, <c>-3</c>, … in cluster order. Later stages match personas to these files with the same rule.
/// </summary>
public static class ClusterFileNames
{
    public const string Prefix = "persona_";
    public const string Extension = ".jsonl";

    /// <summary>The search pattern that finds every cluster message file in <c>clusters/</c>.</summary>
    public const string SearchPattern = Prefix + "*" + Extension;

    /// <summary>The file-name form of a persona or cluster name.</summary>
    public static string Slug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
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

    /// <summary>The unique slug of every cluster, in cluster order.</summary>
    public static IReadOnlyList<string> Slugs(ClusterAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var slugs = new List<string>();
        foreach (var cluster in analysis.Clusters)
        {
            var slug = Slug(cluster.Name);
            var unique = slug;
            for (var i = 2; !used.Add(unique); i++)
                unique = $"{slug}-{i}";
            slugs.Add(unique);
        }

        return slugs;
    }

    /// <summary>File names <c>persona_&lt;slug&gt;.jsonl</c>, one per cluster, unique, in cluster order.</summary>
    public static IReadOnlyList<string> ForClusters(ClusterAnalysis analysis) => [.. Slugs(analysis).Select(FileName)];

    public static string FileName(string slug) => Prefix + slug + Extension;

    /// <summary>The slug of a cluster message file's path (<c>…/persona_debugger.jsonl</c> → <c>debugger</c>).</summary>
    public static string SlugOf(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = Path.GetFileName(path);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(Extension, StringComparison.Ordinal))
            throw new ArgumentException($"{path} is not a cluster message file ({SearchPattern})", nameof(path));
        return name[Prefix.Length..^Extension.Length];
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Persona.Core.Injection;
using Persona.Core.Library;
using Persona.Core.Pipeline;
using Persona.Core.Prompts;

namespace Persona.Core.Training;

/// <summary>
/// Reads what the training stage builds from: <c>clusters/persona_&lt;slug&gt;.jsonl</c> (one persona each,
/// named from <c>cluster_analysis.json</c> when present), each persona's prompt (the profile library's
/// active persona of that name, else <c>prompts/generated_prompts.json</c>, else the default), and with a
/// profile the core persona and the completed interview transcripts under <c>memory/training/persona/</c>.
/// Bad lines and transcripts are skipped with a diagnostic naming file and line.
/// </summary>
public static partial class LoraDataInputReader
{
    /// <summary>File-name part of the core persona's dataset (interview answers).</summary>
    public const string CoreSlug = "core";

    public static async Task<LoraDataInputs> ReadAsync(PipelinePaths paths, ProfilePaths? profile = null, LoraDataOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new LoraDataOptions();
        var diagnostics = new List<LoraDataDiagnostic>();
        var files = new List<InputFile>();
        var shared = new List<InputFile>();

        var names = await ClusterNamesAsync(paths, shared, diagnostics, cancellationToken).ConfigureAwait(false);
        GeneratedPromptSet? prompts = null;
        if (File.Exists(paths.GeneratedPrompts))
        {
            prompts = await GeneratedPromptSet.ReadAsync(paths.GeneratedPrompts, cancellationToken).ConfigureAwait(false);
            shared.Add(await HashAsync(InputKind.GeneratedPrompts, paths.GeneratedPrompts, paths.Root, cancellationToken).ConfigureAwait(false));
        }

        IReadOnlyList<PersonaEntry> library = [];
        PersonaLibrary? personaLibrary = null;
        if (profile is not null)
        {
            personaLibrary = new PersonaLibrary(new PersonaLibraryOptions { ProfileId = profile.ProfileId, ProfilesRoot = profile.ProfilesRoot });
            library = [.. (await personaLibrary.ListAsync(false, cancellationToken).ConfigureAwait(false)).Where(p => p.Id != PersonaLibrary.BuiltinFallbackId)];
        }

        var personas = new List<PersonaDataSource>();
        var clusterFiles = Directory.Exists(paths.Clusters)
            ? Directory.EnumerateFiles(paths.Clusters, "persona_*.jsonl").Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var file in clusterFiles)
        {
            var slug = Path.GetFileNameWithoutExtension(file)["persona_".Length..];
            var name = names.TryGetValue(slug, out var n) ? n : slug;
            var messages = await ReadClusterFileAsync(file, Path.GetRelativePath(paths.Root, file), diagnostics, cancellationToken).ConfigureAwait(false);
            var inputs = new List<InputFile> { await HashAsync(InputKind.ClusterMessages, file, paths.Root, cancellationToken).ConfigureAwait(false) };
            inputs.AddRange(shared);
            string prompt;
            SystemPromptSource promptSource;
            if (library.FirstOrDefault(p => Slug(p.Name) == slug) is { } entry && !string.IsNullOrWhiteSpace(entry.Instructions))
            {
                (prompt, promptSource) = (entry.Instructions, SystemPromptSource.Library);
                inputs.Add(new InputFile(InputKind.LibraryPersona, Invariant($"persona/library/{entry.Id}@v{entry.Version}"), LoraDataWriter.Sha256(entry.Instructions)));
            }
            else if (prompts?.Prompts.FirstOrDefault(p => Slug(p.Name) == slug || (p.SourceCluster is { } sc && Slug(sc) == slug)) is { } generated)
                (prompt, promptSource) = (generated.Prompt, SystemPromptSource.GeneratedPrompts);
            else
                (prompt, promptSource) = (options.DefaultSystemPrompt, SystemPromptSource.Default);
            files.AddRange(inputs.Where(i => !files.Contains(i)));
            personas.Add(new PersonaDataSource(name, slug, prompt, promptSource, messages, []) { Inputs = inputs });
        }

        if (profile is not null && personaLibrary is not null && options.IncludeInterviews)
        {
            var core = await ReadCoreAsync(profile, personaLibrary, options, personas, diagnostics, cancellationToken).ConfigureAwait(false);
            if (core is not null)
            {
                personas.Add(core);
                files.AddRange(core.Inputs.Where(i => !files.Contains(i)));
            }
        }

        return new LoraDataInputs(personas, files, diagnostics);
    }

    /// <summary>The file-name form of a persona or cluster name (same rule as the clustering stage).</summary>
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

    private static async Task<PersonaDataSource?> ReadCoreAsync(ProfilePaths profile, PersonaLibrary library, LoraDataOptions options, List<PersonaDataSource> personas, List<LoraDataDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(profile.Memory, "training", "persona");
        if (!Directory.Exists(folder))
            return null;
        var inputs = new List<InputFile>();
        var exchanges = new List<InterviewExchange>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(profile.Profile, file).Replace('\\', '/');
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            var found = InterviewTranscriptParser.Parse(bytes, relative, diagnostics);
            if (found is null)
                continue;
            exchanges.AddRange(found);
            inputs.Add(new InputFile(InputKind.InterviewTranscript, relative, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        }

        if (exchanges.Count == 0)
            return null;
        var core = await library.Core.GetAsync(cancellationToken).ConfigureAwait(false);
        string prompt;
        SystemPromptSource source;
        if (core.Version > 0 && core.Fields.Count > 0)
        {
            prompt = new UserPersonaInjector().Render("{{USER_PERSONA}}", core.Fields);
            source = SystemPromptSource.CorePersona;
            inputs.Add(new InputFile(InputKind.CorePersona, Invariant($"persona/core.json@v{core.Version}"), LoraDataWriter.Sha256(core.Fields.ToJsonString())));
        }
        else
        {
            (prompt, source) = (options.DefaultSystemPrompt, SystemPromptSource.Default);
        }

        var slug = personas.Any(p => p.Slug == CoreSlug) ? CoreSlug + "-interview" : CoreSlug;
        return new PersonaDataSource("core", slug, prompt, source, [], exchanges) { Inputs = inputs };
    }

    private static async Task<Dictionary<string, string>> ClusterNamesAsync(PipelinePaths paths, List<InputFile> shared, List<LoraDataDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(paths.ClusterAnalysis))
            return names;
        var bytes = await File.ReadAllBytesAsync(paths.ClusterAnalysis, cancellationToken).ConfigureAwait(false);
        shared.Add(new InputFile(InputKind.ClusterAnalysis, Path.GetRelativePath(paths.Root, paths.ClusterAnalysis).Replace('\\', '/'), Convert.ToHexStringLower(SHA256.HashData(bytes))));
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("clusters", out var clusters) && clusters.ValueKind == JsonValueKind.Array)
            {
                foreach (var cluster in clusters.EnumerateArray())
                {
                    if (cluster.ValueKind == JsonValueKind.Object && cluster.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                    {
                        var slug = Slug(name.GetString()!);
                        for (var i = 2; names.ContainsKey(slug); i++)
                            slug = Invariant($"{Slug(name.GetString()!)}-{i}");
                        names[slug] = name.GetString()!;
                    }
                }
            }
            else
            {
                diagnostics.Add(new LoraDataDiagnostic(paths.ClusterAnalysis, null, "no 'clusters' array; persona names taken from file names"));
            }
        }
        catch (JsonException ex)
        {
            diagnostics.Add(new LoraDataDiagnostic(paths.ClusterAnalysis, (int)(ex.LineNumber ?? 0) + 1, "not JSON; persona names taken from file names: " + ex.Message));
        }

        return names;
    }

    private static async Task<InputFile> HashAsync(InputKind kind, string path, string root, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return new InputFile(kind, Path.GetRelativePath(root, path).Replace('\\', '/'), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

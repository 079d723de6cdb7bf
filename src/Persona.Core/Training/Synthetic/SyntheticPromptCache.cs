using System.Text;
using System.Text.Json;

namespace Persona.Core.Training.Synthetic;

/// <summary>
/// The responder's earlier answers (<c>lora_training/synthetic_prompts.cache.jsonl</c>), so a re-run does not ask
/// again for the same message, model and prompt version. Each answer is appended and flushed as soon as it
/// arrives: an interrupted run keeps what it got. Lines that are not entries (a line cut off by a crash) are
/// reported and ignored; for a repeated key the last line wins.
/// </summary>
internal sealed class SyntheticPromptCache
{
    private readonly string _path;
    private readonly Dictionary<SyntheticPromptKey, string> _prompts;
    private bool _needsNewline;

    private SyntheticPromptCache(string path, Dictionary<SyntheticPromptKey, string> prompts, bool needsNewline, IReadOnlyList<LoraDataDiagnostic> diagnostics)
    {
        _path = path;
        _prompts = prompts;
        _needsNewline = needsNewline;
        Diagnostics = diagnostics;
    }

    /// <summary>Problems in the cache file (file name as <c>displayName</c>, with line numbers).</summary>
    public IReadOnlyList<LoraDataDiagnostic> Diagnostics { get; }

    public int Count => _prompts.Count;

    public static async Task<SyntheticPromptCache> LoadAsync(string path, string displayName, CancellationToken cancellationToken)
    {
        var prompts = new Dictionary<SyntheticPromptKey, string>();
        var diagnostics = new List<LoraDataDiagnostic>();
        if (!File.Exists(path))
            return new SyntheticPromptCache(path, prompts, false, diagnostics);

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            SyntheticPromptCacheEntry? entry = null;
            try
            {
                entry = JsonSerializer.Deserialize(line, SyntheticPromptJsonContext.Lines.SyntheticPromptCacheEntry);
            }
            catch (JsonException)
            {
                // Reported below, with the other unusable lines.
            }

            if (entry is null || string.IsNullOrWhiteSpace(entry.Prompt) || entry.MessageId is null || entry.Model is null || entry.Provider is null || entry.PromptVersion is null || entry.TextSha256 is null)
            {
                diagnostics.Add(new LoraDataDiagnostic(displayName, lineNumber, "not a synthetic-prompt cache entry; ignored"));
                continue;
            }

            prompts[entry.Key] = entry.Prompt;
        }

        return new SyntheticPromptCache(path, prompts, text.Length > 0 && !text.EndsWith('\n'), diagnostics);
    }

    public bool TryGet(SyntheticPromptKey key, out string prompt) => _prompts.TryGetValue(key, out prompt!);

    public async Task AppendAsync(SyntheticPromptCacheEntry entry, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        if (_needsNewline)
            line.Append('\n');
        line.Append(JsonSerializer.Serialize(entry, SyntheticPromptJsonContext.Lines.SyntheticPromptCacheEntry)).Append('\n');
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        await File.AppendAllTextAsync(_path, line.ToString(), cancellationToken).ConfigureAwait(false);
        _needsNewline = false;
        _prompts[entry.Key] = entry.Prompt;
    }
}

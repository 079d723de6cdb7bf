using Persona.Core.Display;

namespace Persona.Core.Library;

/// <summary>Notebook and report views of library results (HTML tables and cards, with plain-text fallbacks).</summary>
public static class LibraryDisplayExtensions
{
    public static HtmlTable ToTable(this IEnumerable<PersonaEntry> personas, int maxRows = 50) =>
        new(["id", "name", "version", "source", "active", "updated", "author"],
            (personas ?? throw new ArgumentNullException(nameof(personas))).Select(p => new object?[]
                { p.Id, p.Name, p.Version, p.Source.ToString().ToLowerInvariant(), p.IsActive ? "yes" : "deleted", p.UpdatedAt, p.Author }),
            maxRows, "Personas");

    public static HtmlTable ToTable(this IEnumerable<PersonaVersion> history, int maxRows = 50) =>
        new(["version", "change", "at", "author", "name", "active", "instructions", "note"],
            (history ?? throw new ArgumentNullException(nameof(history))).Select(h => new object?[]
            {
                h.Persona.Version, h.RevertedFrom is { } from ? $"reverted to v{from}" : h.Change.ToString().ToLowerInvariant(), h.Persona.UpdatedAt,
                h.Persona.Author, h.Persona.Name, h.Persona.IsActive ? "yes" : "no", Shorten(h.Persona.Instructions), h.Note,
            }),
            maxRows, "History");

    public static HtmlTable ToTable(this PersonaContexts contexts, int maxRows = 50)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        return new(["context", "kind", "personas", "default"],
            contexts.Contexts.Select(c => new object?[] { c.Id, c.Kind.ToString(), string.Join(", ", c.PersonaIds), c.DefaultPersonaId ?? "—" }),
            maxRows, $"Contexts (global default: {contexts.GlobalDefaultPersonaId ?? "built-in fallback"})");
    }

    public static HtmlTable ToTable(this UsageLogResult log, int maxRows = 50)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new(["at", "request", "context", "persona", "version", "reason", "kind", "explanation"],
            log.Entries.Reverse().Select(e => new object?[] { e.At, e.RequestId, e.ContextId, e.PersonaId, e.PersonaVersion, e.Reason.ToString(), e.Preview ? "preview" : "served", e.Explanation }),
            maxRows, $"Usage log, newest first ({log.Entries.Count} entries, {log.Skipped.Count} unreadable lines)");
    }

    public static SummaryCard ToCard(this PersonaResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return new SummaryCard("Resolution",
            ("request", resolution.RequestId), ("context", resolution.ContextId), ("persona", $"{resolution.Persona.Id} v{resolution.Persona.Version}"),
            ("reason", resolution.Reason.ToString()), ("explanation", resolution.Explanation));
    }

    public static SummaryCard ToCard(this PromptPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        return new SummaryCard("Prompt preview",
            ("persona", $"{preview.Resolution.Persona.Id} v{preview.Resolution.Persona.Version} ({preview.Resolution.Reason})"),
            ("characters", preview.Characters),
            ("tokens", (preview.TokensAreEstimate ? "~" : "") + preview.Tokens + " (" + preview.TokenCounter + ")"),
            ("system prompt", preview.SystemPrompt));
    }

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 60 ? flat : flat[..59] + "…";
    }
}

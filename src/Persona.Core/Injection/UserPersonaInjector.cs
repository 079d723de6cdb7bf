using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Persona.Core.Injection;

/// <summary>
/// Renders user-persona placeholders in a prompt template:
/// <c>{{USER_PERSONA}}</c> (every allowlisted top-level key as one sentence),
/// <c>{{USER_PERSONA__key1__key2}}</c> (only those keys; keys outside the allowlist are dropped and logged) and
/// <c>{{USER_PERSONA_JSON}}</c> (the allowlisted keys as compact JSON). The template is scanned once,
/// so text coming from the persona is never expanded again; a template without placeholders is
/// returned as the same instance.
/// </summary>
public sealed partial class UserPersonaInjector
{
    private const string Marker = "{{USER_PERSONA";
    private const string Preamble = "These are some details about the user. ";

    private readonly UserPersonaInjectionOptions _options;
    private readonly ILogger _logger;
    private readonly HashSet<string> _allowed;

    public UserPersonaInjector(UserPersonaInjectionOptions? options = null, ILogger<UserPersonaInjector>? logger = null)
    {
        _options = options ?? new UserPersonaInjectionOptions();
        _options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _allowed = new HashSet<string>(_options.Allowlist, StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="template"/> holds a user-persona placeholder.</summary>
    public static bool HasPlaceholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Contains(Marker, StringComparison.Ordinal);
    }

    /// <summary>Renders every placeholder of <paramref name="template"/> from <paramref name="persona"/> (null: no persona).</summary>
    public string Render(string template, JsonObject? persona)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!HasPlaceholders(template))
            return template;
        return Placeholder().Replace(template, match => Expand(match.Value, match.Groups["rest"].Value, persona));
    }

    private string Expand(string placeholder, string rest, JsonObject? persona)
    {
        if (rest.Length == 0)
            return Sentence(_options.Allowlist, persona);
        if (rest == "_JSON")
            return Json(persona);
        if (!rest.StartsWith("__", StringComparison.Ordinal))
            return placeholder; // not one of ours: left exactly as written

        var requested = rest[2..].Split("__", StringSplitOptions.RemoveEmptyEntries);
        var dropped = requested.Where(k => !_allowed.Contains(k)).ToList();
        if (dropped.Count > 0)
            InjectionLog.DroppedKeys(_logger, placeholder, string.Join(", ", dropped));
        return Sentence(requested.Where(_allowed.Contains).Distinct(StringComparer.Ordinal).ToList(), persona);
    }

    private string Sentence(IReadOnlyList<string> keys, JsonObject? persona)
    {
        if (persona is null || keys.Count == 0)
            return _options.FallbackText;
        var parts = keys.Select(key => Value(persona[key]) is { } value
            ? $"`{key}` is \"{value.Replace("\"", "\\\"", StringComparison.Ordinal)}\""
            : $"`{key}` is {_options.MissingText}");
        return Truncate(Preamble + string.Join(", ", parts) + ".");
    }

    private string Json(JsonObject? persona)
    {
        if (persona is null)
            return _options.FallbackText;
        var filtered = new JsonObject();
        foreach (var key in _options.Allowlist)
        {
            if (persona.TryGetPropertyValue(key, out var value))
                filtered[key] = value?.DeepClone();
        }

        return filtered.Count == 0 ? _options.FallbackText : filtered.ToJsonString();
    }

    private static string? Value(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                var items = array.Select(Value).Where(v => v is not null).Cast<string>().ToList();
                return items.Count == 0 ? null : JoinNaturally(items);
            case JsonObject obj:
                var pairs = obj.Select(p => Value(p.Value) is { } v ? $"{p.Key}: {v}" : null).Where(v => v is not null).ToList();
                return pairs.Count == 0 ? null : string.Join("; ", pairs);
            default:
                var value = node.AsValue();
                var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
    }

    private static string JoinNaturally(List<string> items) => items.Count switch
    {
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private string Truncate(string text)
    {
        if (_options.MaxLength is not { } max || text.Length <= max)
            return text;
        var cut = max - 1; // room for the ellipsis
        if (char.IsLowSurrogate(text[cut]))
            cut--;
        var space = text.LastIndexOf(' ', cut);
        if (space > max / 2)
            cut = space;
        return text[..cut].TrimEnd(' ', ',', ';') + "…";
    }

    [GeneratedRegex(@"\{\{USER_PERSONA(?<rest>[A-Za-z0-9_.\-]*)\}\}")]
    private static partial Regex Placeholder();
}

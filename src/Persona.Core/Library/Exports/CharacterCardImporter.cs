using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Persona.Core.Library.Exports;

/// <summary>
/// Reads Character Card V2/V3 JSON (and bare V1 cards) into a persona draft. Never throws on content:
/// every problem is a diagnostic naming the source and JSON path. Cards written by this toolkit carry
/// the full persona under <c>data.extensions.persona_toolkit</c>, which wins. For other cards the
/// instructions are the card's <c>system_prompt</c> (without <c>{{original}}</c>) or, when empty, its
/// description, personality and scenario; <c>{{char}}</c>/<c>&lt;BOT&gt;</c> become the card's name
/// and <c>{{user}}</c>/<c>&lt;USER&gt;</c> become "the user", so no template syntax enters the library.
/// </summary>
public static partial class CharacterCardImporter
{
    public static CharacterCardImportResult Import(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        var diagnostics = new List<CardDiagnostic>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            diagnostics.Add(new CardDiagnostic($"{sourceName} line {ex.LineNumber + 1}", "not valid JSON: " + ex.Message, true));
            return new CharacterCardImportResult(null, null, diagnostics);
        }

        if (root is not JsonObject obj)
        {
            diagnostics.Add(new CardDiagnostic($"{sourceName} $", "a card must be a JSON object", true));
            return new CharacterCardImportResult(null, null, diagnostics);
        }

        var spec = Text(obj, "spec", sourceName, "$", diagnostics);
        JsonObject data;
        string basePath;
        if (spec is "chara_card_v2" or "chara_card_v3")
        {
            if (obj["data"] is not JsonObject d)
            {
                diagnostics.Add(new CardDiagnostic($"{sourceName} $.data", $"a {spec} card needs a 'data' object", true));
                return new CharacterCardImportResult(null, spec, diagnostics);
            }

            data = d;
            basePath = "$.data";
        }
        else if (spec is null && obj.ContainsKey("name"))
        {
            spec = "v1";
            data = obj;
            basePath = "$";
        }
        else
        {
            diagnostics.Add(new CardDiagnostic($"{sourceName} $.spec", $"unknown card spec '{spec}'; expected chara_card_v2 or chara_card_v3", true));
            return new CharacterCardImportResult(null, spec, diagnostics);
        }

        var draft = FromExtension(data, sourceName, basePath, diagnostics) ?? FromCard(data, sourceName, basePath, diagnostics);
        if (draft is null)
            return new CharacterCardImportResult(null, spec, diagnostics);
        foreach (var problem in PersonaValidator.Check(draft.Name, draft.Instructions, draft.Description))
            diagnostics.Add(new CardDiagnostic($"{sourceName} {basePath}", problem, true));
        return new CharacterCardImportResult(diagnostics.Any(d => d.IsError) ? null : draft, spec, diagnostics);
    }

    private static PersonaDraft? FromExtension(JsonObject data, string source, string basePath, List<CardDiagnostic> diagnostics)
    {
        if (data["extensions"] is not JsonObject ext || ext[PersonaExporter.ExtensionKey] is not JsonObject p)
            return null;
        var path = $"{basePath}.extensions.{PersonaExporter.ExtensionKey}";
        var name = Text(p, "name", source, path, diagnostics);
        var instructions = Text(p, "instructions", source, path, diagnostics);
        if (name is null || instructions is null)
        {
            diagnostics.Add(new CardDiagnostic($"{source} {path}", "toolkit extension lacks name or instructions; reading the card fields instead", false));
            return null;
        }

        var sourceText = Text(p, "source", source, path, diagnostics);
        var kind = Enum.TryParse<PersonaSource>(sourceText, ignoreCase: true, out var parsed) && parsed != PersonaSource.Builtin ? parsed : PersonaSource.Manual;
        return new PersonaDraft(name, instructions, Text(p, "description", source, path, diagnostics) ?? "", kind);
    }

    private static PersonaDraft? FromCard(JsonObject data, string source, string basePath, List<CardDiagnostic> diagnostics)
    {
        var name = Text(data, "name", source, basePath, diagnostics);
        if (string.IsNullOrWhiteSpace(name))
        {
            diagnostics.Add(new CardDiagnostic($"{source} {basePath}.name", "the card has no name", true));
            return null;
        }

        var description = Substitute(Text(data, "description", source, basePath, diagnostics) ?? "", name);
        var systemPrompt = Substitute(Original().Replace(Text(data, "system_prompt", source, basePath, diagnostics) ?? "", ""), name).Trim();
        var instructions = systemPrompt;
        if (instructions.Length == 0)
        {
            var personality = Substitute(Text(data, "personality", source, basePath, diagnostics) ?? "", name);
            var scenario = Substitute(Text(data, "scenario", source, basePath, diagnostics) ?? "", name);
            instructions = string.Join("\n\n", new[]
            {
                $"You are {name}.",
                description,
                personality.Length > 0 ? "Personality: " + personality : "",
                scenario.Length > 0 ? "Scenario: " + scenario : "",
            }.Where(s => s.Trim().Length > 0)).Trim();
            diagnostics.Add(new CardDiagnostic($"{source} {basePath}.system_prompt", "empty; instructions were composed from description, personality and scenario", false));
        }

        return new PersonaDraft(name.Trim(), instructions, description.Trim(), PersonaSource.Manual);
    }

    private static string? Text(JsonObject obj, string key, string source, string path, List<CardDiagnostic> diagnostics)
    {
        var node = obj[key];
        if (node is null)
            return null;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            return value.GetValue<string>();
        diagnostics.Add(new CardDiagnostic($"{source} {path}.{key}", $"expected a string, found {node.GetValueKind()}; ignored", false));
        return null;
    }

    private static string Substitute(string text, string name) =>
        User().Replace(Char().Replace(text, name), "the user");

    [GeneratedRegex(@"\{\{char\}\}|<BOT>", RegexOptions.IgnoreCase)]
    private static partial Regex Char();

    [GeneratedRegex(@"\{\{user\}\}|<USER>", RegexOptions.IgnoreCase)]
    private static partial Regex User();

    [GeneratedRegex(@"\{\{original\}\}", RegexOptions.IgnoreCase)]
    private static partial Regex Original();
}

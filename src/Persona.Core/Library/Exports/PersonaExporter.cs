using System.Text.Json;
using System.Text.Json.Nodes;

namespace Persona.Core.Library.Exports;

/// <summary>Writes a persona in another tool's format.</summary>
public static class PersonaExporter
{
    /// <summary>Namespaced key under a card's <c>data.extensions</c> holding the full persona for lossless round trips.</summary>
    public const string ExtensionKey = "persona_toolkit";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Export(PersonaEntry persona, PersonaExportFormat format, PersonaExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(persona);
        options ??= new PersonaExportOptions();
        return format switch
        {
            PersonaExportFormat.OpenAiSystemMessage => new JsonObject { ["role"] = "system", ["content"] = persona.Instructions }.ToJsonString(Indented),
            PersonaExportFormat.OllamaModelfile => OllamaModelfile.Write(persona, options.BaseModel, options.AdapterPath),
            PersonaExportFormat.CharacterCardV2 => CharacterCard(persona, v3: false).ToJsonString(Indented),
            PersonaExportFormat.CharacterCardV3 => CharacterCard(persona, v3: true).ToJsonString(Indented),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
        };
    }

    /// <summary>The file name an export is usually saved as.</summary>
    public static string FileName(PersonaEntry persona, PersonaExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(persona);
        return format switch
        {
            PersonaExportFormat.OpenAiSystemMessage => persona.Id + ".system.json",
            PersonaExportFormat.OllamaModelfile => "Modelfile",
            PersonaExportFormat.CharacterCardV2 => persona.Id + ".card-v2.json",
            _ => persona.Id + ".card-v3.json",
        };
    }

    private static JsonObject CharacterCard(PersonaEntry p, bool v3)
    {
        var data = new JsonObject
        {
            ["name"] = p.Name,
            ["description"] = p.Description,
            ["personality"] = "",
            ["scenario"] = "",
            ["first_mes"] = "",
            ["mes_example"] = "",
            ["creator_notes"] = $"Exported from Persona Notebooks: persona '{p.Id}' version {p.Version} ({p.Source.ToString().ToLowerInvariant()}).",
            ["system_prompt"] = p.Instructions,
            ["post_history_instructions"] = "",
            ["alternate_greetings"] = new JsonArray(),
            ["tags"] = new JsonArray(p.Source.ToString().ToLowerInvariant()),
            ["creator"] = p.Author,
            ["character_version"] = p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["extensions"] = new JsonObject
            {
                [ExtensionKey] = new JsonObject
                {
                    ["id"] = p.Id,
                    ["name"] = p.Name,
                    ["instructions"] = p.Instructions,
                    ["description"] = p.Description,
                    ["source"] = p.Source.ToString().ToLowerInvariant(),
                    ["version"] = p.Version,
                    ["author"] = p.Author,
                    ["createdAt"] = p.CreatedAt.ToString("O"),
                    ["updatedAt"] = p.UpdatedAt.ToString("O"),
                },
            },
        };
        if (v3)
        {
            data["group_only_greetings"] = new JsonArray();
            data["creation_date"] = p.CreatedAt.ToUnixTimeSeconds();
            data["modification_date"] = p.UpdatedAt.ToUnixTimeSeconds();
        }

        return new JsonObject
        {
            ["spec"] = v3 ? "chara_card_v3" : "chara_card_v2",
            ["spec_version"] = v3 ? "3.0" : "2.0",
            ["data"] = data,
        };
    }
}

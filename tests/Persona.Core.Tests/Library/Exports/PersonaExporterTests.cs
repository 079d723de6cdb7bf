using System.Text.Json.Nodes;
using Persona.Core.Library;
using Persona.Core.Library.Exports;

namespace Persona.Core.Tests.Library.Exports;

public sealed class PersonaExporterTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static PersonaEntry Persona(string instructions = "Be \"exact\".\nShow examples.") =>
        new("engineer", "Engineer", instructions, "For code reviews.", PersonaSource.Extracted, 3, true, T, T.AddDays(1), "ada");

    [Fact]
    public void Export_OpenAi_IsSystemMessage()
    {
        var json = JsonNode.Parse(PersonaExporter.Export(Persona(), PersonaExportFormat.OpenAiSystemMessage))!;

        Assert.Equal("system", json["role"]!.GetValue<string>());
        Assert.Equal("Be \"exact\".\nShow examples.", json["content"]!.GetValue<string>());
    }

    [Fact]
    public void Export_Modelfile_WritesFromAdapterAndTripleQuotedSystem()
    {
        var text = PersonaExporter.Export(Persona(), PersonaExportFormat.OllamaModelfile, new PersonaExportOptions("qwen2.5:0.5b", "./loras/engineer"));

        Assert.Equal(
            "# Engineer (persona 'engineer' v3)\nFROM qwen2.5:0.5b\nADAPTER ./loras/engineer\nSYSTEM \"\"\"Be \"exact\".\nShow examples.\"\"\"\n",
            text);
    }

    [Fact]
    public void Export_ModelfilePathWithSpaces_IsQuoted()
    {
        var text = OllamaModelfile.Write(Persona("Hi."), "/models/my model.gguf");

        Assert.Contains("FROM \"/models/my model.gguf\"\n", text);
    }

    [Theory]
    [InlineData("First line \"\"\"\nsecond")]
    [InlineData("ends \"\"\"  \r\nnext")]
    public void Export_ModelfileLineEndingInTripleQuote_IsRefusedWithLine(string instructions)
    {
        var ex = Assert.Throws<ArgumentException>(() => OllamaModelfile.Write(Persona(instructions), "llama3.2"));

        Assert.Contains("Line 1", ex.Message);
    }

    [Fact]
    public void Export_ModelfileQuotesInsideLines_AreKept()
    {
        Assert.Equal("\"\"\"say \"\"\"hi\"\"\" twice\n\"quoted\"\"\"\"", OllamaModelfile.QuoteMultiline("say \"\"\"hi\"\"\" twice\n\"quoted\""));
    }

    [Fact]
    public void Export_CardV2_HasEveryRequiredField()
    {
        var card = JsonNode.Parse(PersonaExporter.Export(Persona(), PersonaExportFormat.CharacterCardV2))!.AsObject();
        var data = card["data"]!.AsObject();

        Assert.Equal("chara_card_v2", card["spec"]!.GetValue<string>());
        Assert.Equal("2.0", card["spec_version"]!.GetValue<string>());
        foreach (var key in new[] { "name", "description", "personality", "scenario", "first_mes", "mes_example", "creator_notes", "system_prompt", "post_history_instructions", "alternate_greetings", "tags", "creator", "character_version", "extensions" })
            Assert.True(data.ContainsKey(key), key);
        Assert.False(data.ContainsKey("group_only_greetings"));
        Assert.Equal("Be \"exact\".\nShow examples.", data["system_prompt"]!.GetValue<string>());
        Assert.Equal("3", data["character_version"]!.GetValue<string>());
    }

    [Fact]
    public void Export_CardV3_AddsV3FieldsWithUnixDates()
    {
        var card = JsonNode.Parse(PersonaExporter.Export(Persona(), PersonaExportFormat.CharacterCardV3))!.AsObject();
        var data = card["data"]!.AsObject();

        Assert.Equal("chara_card_v3", card["spec"]!.GetValue<string>());
        Assert.Equal("3.0", card["spec_version"]!.GetValue<string>());
        Assert.Empty(data["group_only_greetings"]!.AsArray());
        Assert.Equal(T.ToUnixTimeSeconds(), data["creation_date"]!.GetValue<long>());
        Assert.Equal(T.AddDays(1).ToUnixTimeSeconds(), data["modification_date"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(PersonaExportFormat.CharacterCardV2)]
    [InlineData(PersonaExportFormat.CharacterCardV3)]
    public void ImportOfExport_RoundTripsThePersona(PersonaExportFormat format)
    {
        var result = CharacterCardImporter.Import(PersonaExporter.Export(Persona(), format), "card.json");

        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        Assert.Equal(new PersonaDraft("Engineer", "Be \"exact\".\nShow examples.", "For code reviews.", PersonaSource.Extracted), result.Draft);
    }
}

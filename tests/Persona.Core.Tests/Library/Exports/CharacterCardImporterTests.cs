using Persona.Core.Library;
using Persona.Core.Library.Exports;

namespace Persona.Core.Tests.Library.Exports;

public sealed class CharacterCardImporterTests
{
    [Fact]
    public void Import_ForeignV2Card_SubstitutesMacrosAndDropsOriginal()
    {
        const string json = """
            {"spec":"chara_card_v2","spec_version":"2.0","data":{"name":"Mira","description":"{{char}} helps {{user}} plan trips.",
             "personality":"calm","scenario":"","first_mes":"Hi <USER>!","mes_example":"","creator_notes":"","system_prompt":"{{original}}\nYou are {{char}}; talk to {{User}} kindly.",
             "post_history_instructions":"","alternate_greetings":[],"tags":[],"creator":"x","character_version":"1","extensions":{}}}
            """;

        var result = CharacterCardImporter.Import(json, "mira.json");

        Assert.True(result.Succeeded);
        Assert.Equal("chara_card_v2", result.Spec);
        Assert.Equal(new PersonaDraft("Mira", "You are Mira; talk to the user kindly.", "Mira helps the user plan trips.", PersonaSource.Manual), result.Draft);
    }

    [Fact]
    public void Import_CardWithoutSystemPrompt_ComposesInstructionsAndWarns()
    {
        const string json = """{"spec":"chara_card_v3","spec_version":"3.0","data":{"name":"Kai","description":"A mentor.","personality":"patient","scenario":"code review","system_prompt":""}}""";

        var result = CharacterCardImporter.Import(json, "kai.json");

        Assert.True(result.Succeeded);
        Assert.Equal("You are Kai.\n\nA mentor.\n\nPersonality: patient\n\nScenario: code review", result.Draft!.Instructions);
        Assert.Contains(result.Diagnostics, d => !d.IsError && d.Location == "kai.json $.data.system_prompt");
    }

    [Fact]
    public void Import_BareV1Card_IsAccepted()
    {
        var result = CharacterCardImporter.Import("""{"name":"Old","description":"d","personality":"p","scenario":"s","first_mes":"","mes_example":""}""", "v1.json");

        Assert.Equal("v1", result.Spec);
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("not json", "v.json line 1")]
    [InlineData("[1,2]", "v.json $")]
    [InlineData("""{"spec":"chara_card_v9","data":{}}""", "v.json $.spec")]
    [InlineData("""{"spec":"chara_card_v2"}""", "v.json $.data")]
    [InlineData("""{"spec":"chara_card_v2","data":{"name":42}}""", "v.json $.data.name")]
    [InlineData("""{"spec":"chara_card_v2","data":{"name":"X","system_prompt":"Hi\u0001"}}""", "v.json $.data")]
    public void Import_BadContent_ReportsLocatedErrorWithoutThrowing(string json, string location)
    {
        var result = CharacterCardImporter.Import(json, "v.json");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Location == location);
    }

    [Fact]
    public void Import_ArbitraryBytes_NeverThrows()
    {
        var random = new Random(1234);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            var text = i % 2 == 0 ? System.Text.Encoding.UTF8.GetString(bytes) : "{\"spec\":\"chara_card_v2\",\"data\":" + System.Text.Encoding.Latin1.GetString(bytes);
            var result = CharacterCardImporter.Import(text, "fuzz.json");
            Assert.NotNull(result);
        }
    }
}

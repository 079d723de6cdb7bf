using System.Text.Json.Nodes;
using Persona.Core.Library;

namespace Persona.Core.Tests.Library;

public sealed class PromptPreviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_NoTemplate_IsInstructionsWithEstimatedSize()
    {
        using var f = new LibraryFixture();
        var a = await f.CreateAsync("Alpha", "Be exact.");
        await f.Library.AssignAsync("c", a.Id, makeDefault: true, cancellationToken: Ct);

        var preview = await f.Library.PreviewAsync(new PromptPreviewRequest("c"), cancellationToken: Ct);

        Assert.Equal("Be exact.", preview.SystemPrompt);
        Assert.Equal(9, preview.Characters);
        Assert.True(preview.TokensAreEstimate);
        Assert.Equal(3, preview.Tokens);
        Assert.Equal(ResolutionReason.ContextDefault, preview.Resolution.Reason);
    }

    [Fact]
    public async Task Preview_TemplateWithPersonaAndUserPersona_RendersExactPrompt()
    {
        using var f = new LibraryFixture();
        var a = await f.CreateAsync("Alpha", "Be exact.");
        await f.Library.AssignAsync("c", a.Id, makeDefault: true, cancellationToken: Ct);
        await f.Library.Core.ApplyAsync(new CorePersonaUpdate(new Dictionary<string, JsonNode?> { ["name"] = "Ada" }, CoreFieldSource.Manual), 0, cancellationToken: Ct);

        var preview = await f.Library.PreviewAsync(new PromptPreviewRequest("c", Template: "{{PERSONA}}\n{{USER_PERSONA__name}}"), cancellationToken: Ct);

        Assert.Equal("Be exact.\nThese are some details about the user. `name` is \"Ada\".", preview.SystemPrompt);
    }

    [Fact]
    public async Task Preview_TemplateWithoutPersonaMarker_PutsInstructionsFirst()
    {
        using var f = new LibraryFixture();

        var preview = await f.Library.PreviewAsync(new PromptPreviewRequest("c", Template: "{{USER_PERSONA}}"), tokenCounter: new WordCounter(), cancellationToken: Ct);

        Assert.EndsWith("\n\nUser persona not available.", preview.SystemPrompt);
        Assert.False(preview.TokensAreEstimate);
        Assert.Equal("words", preview.TokenCounter);
    }

    private sealed class WordCounter : ITokenCounter
    {
        public string Name => "words";

        public bool IsEstimate => false;

        public int CountTokens(string text) => text.Split(' ').Length;
    }
}

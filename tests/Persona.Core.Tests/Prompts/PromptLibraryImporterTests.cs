using Persona.Core.Library;
using Persona.Core.Prompts;
using Persona.Tests;

namespace Persona.Core.Tests.Prompts;

public sealed class PromptLibraryImporterTests
{
    [Fact]
    public async Task ImportAsync_TwiceThenChanged_CreatesThenUnchangedThenNewVersion()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var library = new PersonaLibrary(new PersonaLibraryOptions { ProfileId = "alice", ProfilesRoot = dir.Path, DefaultAuthor = "test" });
        var set = await new PromptGenerator().GenerateAsync(PromptFixtures.Distinct(), cancellationToken: TestContext.Current.CancellationToken);

        var first = await PromptLibraryImporter.ImportAsync(set, library, cancellationToken: TestContext.Current.CancellationToken);
        var again = await PromptLibraryImporter.ImportAsync(set, library, cancellationToken: TestContext.Current.CancellationToken);
        var changed = set with { Prompts = [set.Prompts[0] with { Prompt = set.Prompts[0].Prompt + "Keep answers short.\n" }] };
        var third = await PromptLibraryImporter.ImportAsync(changed, library, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, first.Count(PromptImportOutcome.Created));
        Assert.Equal(3, again.Count(PromptImportOutcome.Unchanged));
        var updated = Assert.Single(third.Items);
        Assert.Equal(PromptImportOutcome.Updated, updated.Outcome);
        Assert.Equal(2, updated.Version);
        var entry = await library.GetAsync("extracted-debugger", TestContext.Current.CancellationToken);
        Assert.Equal(PersonaSource.Extracted, entry.Source);
        Assert.EndsWith("Keep answers short.\n", entry.Instructions, StringComparison.Ordinal);
        Assert.Equal(2, (await library.HistoryAsync("extracted-debugger", TestContext.Current.CancellationToken)).Count);
    }
}

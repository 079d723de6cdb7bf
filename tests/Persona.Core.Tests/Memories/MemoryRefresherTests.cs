using Persona.Core.Import;
using Persona.Core.Memories;
using Persona.Core.Tests.Library;
using static Persona.Core.Tests.Memories.MemoryTestData;

namespace Persona.Core.Tests.Memories;

public sealed class MemoryRefresherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refresh_FirstRun_MakesMemoriesWithConversationUpdatedAtAndSkipsEmpty()
    {
        using var f = new LibraryFixture();
        var store = new MemoryStore(f.Library);

        var result = await new MemoryRefresher(new ExtractiveMemorySummarizer(), store, f.Clock).RefreshAsync(Corpus(), cancellationToken: Ct);
        var memories = await store.LoadAsync(Ct);

        Assert.Equal((4, 3, 1, 0), (result.Conversations, result.Refreshed, result.Skipped, result.Failed));
        Assert.Equal(T0.AddDays(1).AddMinutes(3), memories["c2"].ConversationUpdatedAt);
        Assert.Equal("extractive-v1", memories["c2"].Summarizer);
        Assert.False(memories.ContainsKey("empty"));
    }

    [Fact]
    public async Task Refresh_OnlyNeeding_RefreshesOnlyMissingOrOlder()
    {
        using var f = new LibraryFixture();
        var store = new MemoryStore(f.Library);
        var refresher = new MemoryRefresher(new ExtractiveMemorySummarizer(), store, f.Clock);
        await refresher.RefreshAsync(Corpus(), cancellationToken: Ct);
        List<PersonMessage> grown = [.. Corpus(), Message("c1", 2, "I also want zstd pages.", T0.AddDays(5))];

        var result = await refresher.RefreshAsync(grown, new MemoryRefreshOptions { OnlyNeeding = true }, Ct);
        var all = await refresher.RefreshAsync(grown, new MemoryRefreshOptions { OnlyNeeding = false }, Ct);

        Assert.Equal((1, 3), (result.Refreshed, result.Skipped));
        Assert.Equal(3, (await store.LoadAsync(Ct))["c1"].MessageCount);
        Assert.Equal(3, all.Refreshed);
    }

    [Fact]
    public async Task Refresh_IncludeEmptyAndClamp_AreHonoured()
    {
        using var f = new LibraryFixture();
        var refresher = new MemoryRefresher(new ExtractiveMemorySummarizer(), new MemoryStore(f.Library), f.Clock);

        var clamped = await refresher.RefreshAsync(Corpus(), new MemoryRefreshOptions { IncludeEmpty = true, Clamp = 2 }, Ct);
        var memories = await new MemoryStore(f.Library).LoadAsync(Ct);

        Assert.Equal((2, 2), (clamped.Refreshed, clamped.Skipped));
        Assert.Equal(["c3", "empty"], memories.Keys.Order());
        Assert.Equal("", memories["empty"].Summary);
    }

    [Fact]
    public async Task Refresh_SummarizerFailsForOne_OthersAreSavedAndFailureReported()
    {
        using var f = new LibraryFixture();
        var store = new MemoryStore(f.Library);

        var result = await new MemoryRefresher(new FailingFor("c2"), store, f.Clock).RefreshAsync(Corpus(), cancellationToken: Ct);

        Assert.Equal(2, result.Refreshed);
        var failure = Assert.Single(result.Failures);
        Assert.Equal("c2", failure.ConversationId);
        Assert.Contains("summarizer unavailable", failure.Error);
        Assert.Equal(["c1", "c3"], (await store.LoadAsync(Ct)).Keys.Order());
    }

    /// <summary>Fails for one conversation and delegates to the real summarizer for the rest.</summary>
    private sealed class FailingFor(string conversationId) : IMemorySummarizer
    {
        private readonly ExtractiveMemorySummarizer _inner = new();

        public string Name => "failing-test";

        public Task<MemorySummary> SummarizeAsync(ConversationTranscript conversation, CancellationToken cancellationToken = default) =>
            conversation.ConversationId == conversationId
                ? throw new InvalidOperationException("summarizer unavailable")
                : _inner.SummarizeAsync(conversation, cancellationToken);
    }
}

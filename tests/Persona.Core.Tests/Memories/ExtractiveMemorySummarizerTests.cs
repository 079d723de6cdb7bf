using Persona.Core.Memories;
using static Persona.Core.Tests.Memories.MemoryTestData;

namespace Persona.Core.Tests.Memories;

public sealed class ExtractiveMemorySummarizerTests
{
    [Fact]
    public async Task Summarize_KeepsSelfDisclosingInformativeSentencesInOrder()
    {
        var conversation = ConversationTranscript.Group(Corpus()).Single(c => c.ConversationId == "c1");

        var summary = await new ExtractiveMemorySummarizer(new ExtractiveMemorySummarizerOptions { MaxSentences = 2 }).SummarizeAsync(conversation, TestContext.Current.CancellationToken);

        Assert.Equal(["I'm building a parquet reader for my notebooks.", "My goal is streaming row groups."], summary.KeySentences);
        Assert.Equal("parquet", summary.Topics[0]);
        Assert.Equal(string.Join(" ", summary.KeySentences), summary.Summary);
    }

    [Fact]
    public async Task Summarize_IsDeterministic()
    {
        var conversation = ConversationTranscript.Group(Corpus()).Single(c => c.ConversationId == "c2");
        var summarizer = new ExtractiveMemorySummarizer();

        var a = await summarizer.SummarizeAsync(conversation, TestContext.Current.CancellationToken);
        var b = await summarizer.SummarizeAsync(conversation, TestContext.Current.CancellationToken);

        Assert.Equal(a.KeySentences, b.KeySentences);
        Assert.Equal(a.Topics, b.Topics);
    }

    [Fact]
    public void Group_UpdatedAtIsLatestMessageTime()
    {
        var c1 = ConversationTranscript.Group(Corpus()).Single(c => c.ConversationId == "c1");

        Assert.Equal(T0.AddMinutes(5), c1.UpdatedAt);
        Assert.Equal(2, c1.Messages.Count);
    }
}

using Persona.Core.Memories;
using Persona.Core.Tests.Llm;
using static Persona.Core.Tests.Memories.MemoryTestData;

namespace Persona.Core.Tests.Memories;

/// <summary>Orchestration of the summarizer role: the scripted client stands in for the server only.</summary>
public sealed class ChatMemorySummarizerTests
{
    private static ConversationTranscript C1 => ConversationTranscript.Group(Corpus()).Single(c => c.ConversationId == "c1");

    [Fact]
    public async Task Summarize_ValidModelAnswer_IsUsedAndLabelledWithModel()
    {
        var client = new ScriptedChatClient().Reply("""
            {"summary":"Builds a Parquet reader for notebooks.","keySentences":["My goal is streaming row groups."],"topics":["Parquet","Streaming"]}
            """, "qwen-test");

        var summary = await new ChatMemorySummarizer(client).SummarizeAsync(C1, TestContext.Current.CancellationToken);

        Assert.Equal("Builds a Parquet reader for notebooks.", summary.Summary);
        Assert.Equal(["parquet", "streaming"], summary.Topics);
        Assert.Equal("llm:qwen-test", summary.Method);
        Assert.Contains("I'm building a parquet reader", client.Calls[0].Messages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_InventedQuoteTwice_FallsBackToOfflineSummary()
    {
        const string invented = """{"summary":"x","keySentences":["I love Rust."],"topics":["rust"]}""";
        var client = new ScriptedChatClient().Reply(invented).Reply(invented);

        var summary = await new ChatMemorySummarizer(client).SummarizeAsync(C1, TestContext.Current.CancellationToken);
        var offline = await new ExtractiveMemorySummarizer().SummarizeAsync(C1, TestContext.Current.CancellationToken);

        Assert.Equal("extractive-v1", summary.Method);
        Assert.Equal(offline.KeySentences, summary.KeySentences);
        Assert.Equal(2, client.Calls.Count);
    }

    [Fact]
    public async Task Summarize_NoClient_IsOffline()
    {
        var summary = await new ChatMemorySummarizer(null).SummarizeAsync(C1, TestContext.Current.CancellationToken);

        Assert.Equal("extractive-v1", summary.Method);
    }
}

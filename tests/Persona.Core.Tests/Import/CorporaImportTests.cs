using Persona.Core.Import;
using Persona.Tests;

namespace Persona.Core.Tests.Import;

/// <summary>Every shared sample export imports without an exception, with hand-verified counts for the real ones.</summary>
public sealed class CorporaImportTests
{
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "librechat-chatbotui-export.json",
        "librechat-librechat-export.json",
        "librechat-librechat-tree.json",
        "librechat-openwebui-export.json",
        "polylogue-aistudio-branching_session.json",
        "polylogue-aistudio-code_execution_prompt.json",
        "polylogue-aistudio-multi_turn_prompt.json",
        "polylogue-aistudio-multimodal_session.json",
    };

    [Fact]
    public async Task Read_EveryCorpusFile_ImportsOrRefusesPrecisely()
    {
        var corpora = TestPaths.RequireShared("corpora");
        var files = Directory.EnumerateFiles(corpora).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var result = await new ChatImporter(new ImportOptions { Branches = BranchSelection.All })
                .ReadAsync([path], cancellationToken: TestContext.Current.CancellationToken);
            var report = Assert.Single(result.Files);
            if (Unsupported.Contains(Path.GetFileName(path)))
            {
                Assert.True(report.Error?.Contains("not supported", StringComparison.Ordinal) == true, $"{path}: {report.Error}");
                Assert.Null(report.Format);
            }
            else
            {
                Assert.True(report.Error is null, report.Error);
                Assert.NotNull(report.Format);
            }
        }
    }

    /// <summary>
    /// The real 2023 ChatGPT export: 192 conversations and 645 person messages on the active path.
    /// Counted independently with Python's json module: for each conversation walk from current_node up
    /// the parent links (with a visited set) and count user messages whose content_type is text or
    /// multimodal_text, that are not hidden, and whose string parts are not blank. The same count over
    /// all mapping nodes is also 645: the 9 messages off the active path in that export are not user turns.
    /// </summary>
    [Fact]
    public async Task Read_RealChatGptExport2023_MatchesIndependentCounts()
    {
        var path = TestPaths.RequireShared("corpora", "pkuppens-chatgpt-export-2023-06.json");

        var result = await new ChatImporter().ReadAsync([path], cancellationToken: TestContext.Current.CancellationToken);

        var report = Assert.Single(result.Files);
        Assert.Null(report.Error);
        Assert.Equal(ExportFormat.ChatGpt, report.Format);
        Assert.Equal(192, report.Conversations);
        Assert.Equal(645, report.Messages);
        Assert.Equal(645, result.Messages.Count());
        Assert.All(result.Messages, m => Assert.True(m.OnActiveBranch));
        Assert.Equal(192, result.Messages.Select(m => m.ConversationId).Distinct().Count());
        Assert.Equal(result.Messages.Count(), result.Messages.Select(m => m.MessageId).Distinct().Count());
        // 4 assistant messages have browsing citation markers; none survives into context.
        Assert.DoesNotContain(result.Messages, m => m.Context?.Contains('\u2020', StringComparison.Ordinal) == true);
        // Tool traffic (36 browser + 1 plugin tool messages, plus the assistant calls addressed to them) is skipped.
        Assert.True(report.Skipped.GetValueOrDefault(SkipReason.ToolTraffic) >= 37);
    }

    /// <summary>LibreChat's branching sample: 3 person messages on the visible thread, 5 with abandoned branches.</summary>
    [Theory]
    [InlineData(BranchSelection.Active, 3)]
    [InlineData(BranchSelection.All, 5)]
    public async Task Read_BranchingChatGptSample_CountsPerBranchSelection(BranchSelection branches, int expected)
    {
        var path = TestPaths.RequireShared("corpora", "librechat-chatgpt-tree.json");

        var result = await new ChatImporter(new ImportOptions { Branches = branches })
            .ReadAsync([path], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Messages.Count());
        Assert.Equal(3, result.Messages.Count(m => m.OnActiveBranch));
    }

    [Fact]
    public async Task Read_ClaudeWebApiSample_TakesTextFromContentBlocks()
    {
        var path = TestPaths.RequireShared("corpora", "osteele-claude-bakery-chat.json");

        var result = await new ChatImporter().ReadAsync([path], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ExportFormat.Claude, Assert.Single(result.Files).Format);
        var messages = result.Messages.ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.NotEmpty(m.Text));
        Assert.DoesNotContain(messages, m => m.Context?.Contains("<antThinking>", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Read_ShareGptAndJsonlSamples_CountHumanTurns()
    {
        var shareGpt = TestPaths.RequireShared("corpora", "fastchat-sharegpt-dummy-conversation.json");
        var jsonl = TestPaths.RequireShared("corpora", "openai-cookbook-toy-chat-fine-tuning.jsonl");

        var result = await new ChatImporter().ReadAsync([shareGpt, jsonl], cancellationToken: TestContext.Current.CancellationToken);

        // 500 ShareGPT items of 2,000 strictly alternating turns -> 1,000 human turns; the JSONL has 7 user messages in 5 lines.
        Assert.Equal(1000, result.Files[0].Messages);
        Assert.Equal(ExportFormat.OpenAiFineTuneJsonl, result.Files[1].Format);
        Assert.Equal(7, result.Files[1].Messages);
    }
}

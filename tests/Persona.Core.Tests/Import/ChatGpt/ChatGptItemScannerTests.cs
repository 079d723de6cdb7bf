using System.Text;
using Persona.Core.Import;
using Persona.Core.Import.ChatGpt;
using Persona.Core.Import.Reading;
using Persona.Tests;

namespace Persona.Core.Tests.Import.ChatGpt;

/// <summary>
/// The single-pass scan (used for every conversation after the first) must read exactly what the document path
/// reads, including when the buffer ends inside a conversation again and again (tiny buffers force a rescan).
/// </summary>
public sealed class ChatGptItemScannerTests
{
    private static string TestData => Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Core.Tests", "Import", "testdata");

    [Theory]
    [InlineData("chatgpt-branches-active", 16)]
    [InlineData("chatgpt-branches-all", 16)]
    [InlineData("chatgpt-broken-entries", 16)]
    [InlineData("chatgpt-content-types", 16)]
    [InlineData("chatgpt-current-node-dangling", 64)]
    [InlineData("chatgpt-dangling-and-cycle", 16)]
    [InlineData("chatgpt-linear", 1 << 20)]
    [InlineData("chatgpt-self-description", 16)]
    public async Task Scan_SpecFixture_MatchesDocumentParse(string name, int bufferSize)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(TestData, name, "input.json"), TestContext.Current.CancellationToken);
        var branches = name.EndsWith("-all", StringComparison.Ordinal) ? BranchSelection.All : BranchSelection.Active;

        var (viaDocument, viaScan) = await ReadBothWaysAsync(bytes, bufferSize, branches);

        Assert.NotEmpty(viaDocument.Conversations);
        Assert.Equivalent(viaDocument.ToReport(ExportFormat.ChatGpt, null), viaScan.ToReport(ExportFormat.ChatGpt, null), strict: true);
        Assert.Equivalent(viaDocument.Conversations, viaScan.Conversations, strict: true);
        Assert.Equivalent(viaDocument.SelfDescriptions, viaScan.SelfDescriptions, strict: true);
    }

    [Fact]
    public async Task Scan_DuplicateKeysWrongKindsAndInvalidUtf8_MatchDocumentParse()
    {
        var json = """
            [
              {"id": "a", "title": 5, "mapping": [], "mapping": {
                "r": {"parent": null, "children": ["u"]},
                "u": {"parent": "r", "message": {"author": {"role": "assistant"}, "author": {"role": "user"},
                  "content": {"content_type": "code", "text": "x"}, "content": {"content_type": "text", "parts": ["hi \u00e9\n", {"text": "spoken", "direction": "in"}, {"text": "out", "direction": "out"}, 7]},
                  "metadata": {"is_visually_hidden_from_conversation": true}, "metadata": {"citations": [{"a": [1, {"b": 2}]}]},
                  "create_time": "2024-01-02T03:04:05Z"}},
                "t": {"parent": "u", "message": {"author": {"role": "assistant"}, "recipient": "all",
                  "content": {"content_type": "thoughts_v2", "thoughts": [{"summary": "s"}, {"content": "c", "summary": "x"}, 3]}}},
                "x": 4
              }, "current_node": "t"},
              {"title": "no id", "create_time": 1700000000.5, "mapping": {"n": {"message": {"author": {"role": "user"}, "content": {"content_type": "text", "parts": ["BAD"]}}}}},
              {"title": "no id", "create_time": {"odd": [1]}, "mapping": {}},
              ["not", "an", "object"]
            ]
            """;
        var bytes = Encoding.UTF8.GetBytes(json);
        var bad = Encoding.UTF8.GetBytes("BAD");
        var at = bytes.AsSpan().IndexOf(bad);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var (viaDocument, viaScan) = await ReadBothWaysAsync(bytes, 16, BranchSelection.Active);

        // What the tolerant JSON reads define: the last of a repeated key wins, a wrong kind reads as absent,
        // object parts spoken "out" carry no text, invalid UTF-8 breaks only its own conversation.
        Assert.Equal(2, viaScan.Conversations.Count);
        var message = Assert.Single(viaScan.Conversations[0].Messages);
        Assert.Equal("a", viaScan.Conversations[0].Id);
        Assert.Equal("hi é\n\nspoken", message.Text);
        Assert.Empty(viaScan.Conversations[1].Messages);
        var report = viaScan.ToReport(ExportFormat.ChatGpt, null);
        Assert.Equal(2, report.Skipped[SkipReason.BrokenConversation]);
        Assert.Contains(report.Diagnostics, d => d.JsonPath == "$[0].mapping['x']");
        Assert.Contains(report.Diagnostics, d => d.JsonPath == "$[1]" && d.Message.Contains("could not be read", StringComparison.Ordinal));
        Assert.Contains(report.Diagnostics, d => d.JsonPath == "$[3]" && d.Message.Contains("found Array", StringComparison.Ordinal));
        Assert.Equivalent(viaDocument.ToReport(ExportFormat.ChatGpt, null), viaScan.ToReport(ExportFormat.ChatGpt, null), strict: true);
        Assert.Equivalent(viaDocument.Conversations, viaScan.Conversations, strict: true);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(1 << 20)]
    public async Task Scan_ItemsTheFastReaderDoesNotTake_ReadByTheFrameworkReaderInBetween(int bufferSize)
    {
        // A comment, an escaped property name and an escaped key compared by the scan send their conversations to
        // Utf8JsonReader; the conversations around them stay on the fast reader, and all of them read the same.
        static string Conversation(string id, string extra) =>
            "{\"id\": \"" + id + "\", " + extra + """ "mapping": {"r": {"parent": null, "children": ["u"]}, "u": {"parent": "r", "message": {"author": {"role": "user"}, "create_time": 1700000000.25, "content": {"content_type": "text", "parts": ["hello \u00e9 from """ + id + """\n"]}}}}, "current_node": "u"}""";
        var json = "[" + string.Join(",\n", [
            Conversation("a", string.Empty),
            Conversation("b", "/* exported */"),
            Conversation("c", "\"t\\u0069tle\": \"escaped name\","),
            Conversation("d", "\"deep\": " + new string('[', 70) + new string(']', 70) + ","),
            Conversation("e", string.Empty),
        ]) + "]";
        var bytes = Encoding.UTF8.GetBytes(json);

        var (viaDocument, viaScan) = await ReadBothWaysAsync(bytes, bufferSize, BranchSelection.Active);

        Assert.Equal(["a", "b", "c", "d", "e"], viaScan.Conversations.Select(c => c.Id));
        Assert.Equal("hello é from c", Assert.Single(viaScan.Conversations[2].Messages).Text);
        Assert.Equal("escaped name", viaScan.Conversations[2].Messages[0].ConversationTitle);
        Assert.Equivalent(viaDocument.ToReport(ExportFormat.ChatGpt, null), viaScan.ToReport(ExportFormat.ChatGpt, null), strict: true);
        Assert.Equivalent(viaDocument.Conversations, viaScan.Conversations, strict: true);
    }

    [Theory]
    [InlineData("""[{"id": "a", "mapping": {}}, {"id": "b", "mapping": {"x": 01}}]""")]
    [InlineData("""[{"id": "a", "mapping": {}}, {"id": "b", "mapping": {"x": "\q"}}]""")]
    [InlineData("""[{"id": "a", "mapping": {}}, {"id": "b", "mapping": {"x": 1,}}]""")]
    [InlineData("""[{"id": "a", "mapping": {}}, {"id": "b", "mapping": {}} {"id": "c"}]""")]
    [InlineData("""[{"id": "a", "mapping": {}}, {"id": "b", "mapping": {}}] trailing""")]
    [InlineData("""[{"id": "a", "mapping": {}}, {"id": "b", "mapping": {"x": [1, 2""")]
    public async Task Scan_MalformedJson_ThrowsTheSameErrorAsTheDocumentPath(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var cancellationToken = TestContext.Current.CancellationToken;
        var parser = new ChatGptConversationParser();

        var viaDocument = await Assert.ThrowsAsync<ImportInputException>(async () =>
        {
            using var reader = new JsonItemReader(new MemoryStream(bytes), "t.json", 16);
            while (await reader.ReadAsync(cancellationToken) is { } item)
                parser.Parse(item.Element, $"$[{item.Index}]", new FileImportState("t.json", new ImportOptions()));
        });
        var viaScan = await Assert.ThrowsAsync<ImportInputException>(async () =>
        {
            using var reader = new JsonItemReader(new MemoryStream(bytes), "t.json", 16);
            using var scanner = new ChatGptItemScanner(parser, new FileImportState("t.json", new ImportOptions()), JsonItemLayout.Array);
            while (await reader.ScanAsync(scanner, cancellationToken))
            {
            }
        });

        Assert.Equal(viaDocument.Message, viaScan.Message);
    }

    private static async Task<(FileImportState ViaDocument, FileImportState ViaScan)> ReadBothWaysAsync(byte[] bytes, int bufferSize, BranchSelection branches)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = new ImportOptions { Branches = branches };
        var parser = new ChatGptConversationParser();

        var viaDocument = new FileImportState("t.json", options);
        using (var reader = new JsonItemReader(new MemoryStream(bytes), "t.json"))
        {
            while (await reader.ReadAsync(cancellationToken) is { } item)
                parser.Parse(item.Element, $"$[{item.Index}]", viaDocument);
        }

        var viaScan = new FileImportState("t.json", options);
        using (var reader = new JsonItemReader(new MemoryStream(bytes), "t.json", bufferSize))
        {
            using var scanner = new ChatGptItemScanner(parser, viaScan, JsonItemLayout.Array);
            while (await reader.ScanAsync(scanner, cancellationToken))
            {
            }

            scanner.Finish();
        }

        return (viaDocument, viaScan);
    }
}

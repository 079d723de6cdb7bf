using System.IO.Compression;
using System.Text.Json.Nodes;
using Persona.Core.Import;
using Persona.Core.Import.Output;
using Persona.Core.Pipeline;
using Persona.Tests;

namespace Persona.Core.Tests.Import;

/// <summary>Re-import is idempotent; a newer export updates changed conversations; shards, folders and zips equal the single file.</summary>
public sealed class ReimportTests
{
    private static string Fixture(string name) =>
        Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Core.Tests", "Import", "testdata", name, "input.json");

    [Fact]
    public async Task Import_SameExportTwice_LeavesIdenticalOutputsAndReportsUnchanged()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(dir.Path);
        var input = TestPaths.RequireShared("corpora", "librechat-chatgpt-export.json");
        var importer = new ChatImporter();

        var first = await importer.ImportAsync([input], paths, cancellationToken: TestContext.Current.CancellationToken);
        var bytes = await File.ReadAllBytesAsync(paths.AllMessages, TestContext.Current.CancellationToken);
        var second = await importer.ImportAsync([input, input], paths, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(first.Succeeded);
        Assert.Equal(2, first.Changes!.Added);
        Assert.Equal(new ImportChanges(0, 0, 2, 0, [], []), second.Changes! with { AddedIds = [], UpdatedIds = [] });
        Assert.Equal(2, second.DuplicateConversations);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(paths.AllMessages, TestContext.Current.CancellationToken));
        Assert.Equal(5, (await AllMessagesDataset.ReadAsync(paths.AllMessages, TestContext.Current.CancellationToken)).Count);
        var report = await ImportReportFile.ReadAsync(paths.ImportReport, TestContext.Current.CancellationToken);
        Assert.Equal(2, report.Changes!.Unchanged);
    }

    [Fact]
    public async Task Import_NewerExport_UpdatesChangedAddsNewKeepsMissing()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(dir.Path);
        var ct = TestContext.Current.CancellationToken;
        var export = JsonNode.Parse(await File.ReadAllTextAsync(Fixture("chatgpt-self-description"), ct))!.AsArray();
        var older = dir.Combine("older.json");
        await File.WriteAllTextAsync(older, export.ToJsonString(), ct);
        await new ChatImporter().ImportAsync([older], paths, cancellationToken: ct);

        // The newer export: c7 gains a reply and a new person message, c7b is gone, a new conversation appears.
        var c7 = export[0]!.AsObject();
        var mapping = c7["mapping"]!.AsObject();
        mapping["a1"] = JsonNode.Parse("""{"id":"a1","parent":"u1","children":["u2"],"message":{"id":"a1","author":{"role":"assistant"},"create_time":3.0,"content":{"content_type":"text","parts":["Hi!"]},"recipient":"all"}}""");
        mapping["u2"] = JsonNode.Parse("""{"id":"u2","parent":"a1","children":[],"message":{"id":"u2","author":{"role":"user"},"create_time":4.0,"content":{"content_type":"text","parts":["a new question"]}}}""");
        c7["current_node"] = "u2";
        c7["update_time"] = 1800000000.0;
        var fresh = JsonNode.Parse(await File.ReadAllTextAsync(Fixture("chatgpt-linear"), ct))!.AsArray()[0]!.DeepClone();
        var newer = dir.Combine("newer.json");
        await File.WriteAllTextAsync(newer, new JsonArray(c7.DeepClone(), fresh).ToJsonString(), ct);

        var report = await new ChatImporter().ImportAsync([newer], paths, cancellationToken: ct);

        var changes = report.Changes!;
        Assert.Equal((1, 1, 0, 1), (changes.Added, changes.Updated, changes.Unchanged, changes.Kept));
        Assert.Equal(["c1"], changes.AddedIds);
        Assert.Equal(["c7"], changes.UpdatedIds);
        var rows = await AllMessagesDataset.ReadAsync(paths.AllMessages, ct);
        Assert.Equal(["c1", "c1", "c7", "c7", "c7b"], rows.Select(r => r.ConversationId));
        Assert.Equal("Hi!", rows.Single(r => r.Text == "a new question").Context);
        Assert.Equal(4, (await SelfDescriptionFile.ReadAsync(paths.SelfDescription, ct)).Count);
    }

    [Fact]
    public async Task Import_FailingInput_WritesNothingAndKeepsEarlierOutputs()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(dir.Path);
        var ct = TestContext.Current.CancellationToken;
        await new ChatImporter().ImportAsync([Fixture("chatgpt-linear")], paths, cancellationToken: ct);
        var before = await File.ReadAllBytesAsync(paths.AllMessages, ct);
        var reportBefore = await File.ReadAllTextAsync(paths.ImportReport, ct);
        var truncated = Path.Combine(Path.GetDirectoryName(Fixture("truncated"))!, "input.json");

        var report = await new ChatImporter().ImportAsync([Fixture("chatgpt-branches-all"), truncated], paths, cancellationToken: ct);

        Assert.False(report.Succeeded);
        Assert.Null(report.Changes);
        Assert.Contains("truncated", report.Files[1].Error);
        Assert.Equal(before, await File.ReadAllBytesAsync(paths.AllMessages, ct));
        Assert.Equal(reportBefore, await File.ReadAllTextAsync(paths.ImportReport, ct));
        Assert.Empty(Directory.EnumerateFiles(paths.Extracted, "*.tmp"));
    }

    [Fact]
    public async Task Import_ExistingRowsNotInKeyOrder_StillMergesCorrectly()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(dir.Path);
        var ct = TestContext.Current.CancellationToken;
        PersonMessage Row(string conversation, int position, string text) =>
            new(conversation + "/" + position, conversation, null, ExportFormat.ChatGpt, position, null, null, text, text.Length, 1, true);
        // Written by something else: conversations interleaved and out of order.
        await AllMessagesDataset.WriteAsync(paths.AllMessages, [Row("zz", 0, "z0"), Row("c1", 0, "stale"), Row("zz", 1, "z1"), Row("aa", 0, "a0")], ct);

        var report = await new ChatImporter().ImportAsync([Fixture("chatgpt-linear")], paths, cancellationToken: ct);

        Assert.Equal((0, 1, 0, 2), (report.Changes!.Added, report.Changes.Updated, report.Changes.Unchanged, report.Changes.Kept));
        var rows = await AllMessagesDataset.ReadAsync(paths.AllMessages, ct);
        Assert.Equal(["aa", "c1", "c1", "zz", "zz"], rows.Select(r => r.ConversationId));
        Assert.DoesNotContain(rows, r => r.Text == "stale");
    }

    [Fact]
    public async Task Read_ShardsFolderAndZip_EqualTheSingleFile()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var ct = TestContext.Current.CancellationToken;
        var single = TestPaths.RequireShared("corpora", "librechat-chatgpt-export.json");
        var all = JsonNode.Parse(await File.ReadAllTextAsync(single, ct))!.AsArray();
        var folder = Directory.CreateDirectory(dir.Combine("export")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "conversations-000.json"), new JsonArray(all[0]!.DeepClone()).ToJsonString(), ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "conversations-001.json"), new JsonArray(all[1]!.DeepClone()).ToJsonString(), ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "user.json"), """{"id":"user-1"}""", ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "export_manifest.json"), "[]", ct);
        var zip = dir.Combine("export.zip");
        ZipFile.CreateFromDirectory(folder, zip);
        var renamedZip = dir.Combine("download.bin");
        File.Copy(zip, renamedZip);

        var expected = Rows(await new ChatImporter().ReadAsync([single], cancellationToken: ct));
        var fromFolder = await new ChatImporter().ReadAsync([folder], cancellationToken: ct);
        var fromZip = await new ChatImporter().ReadAsync([renamedZip], cancellationToken: ct);

        Assert.Equal(4, fromFolder.Files.Count);
        Assert.Equal(2, fromFolder.Files.Count(f => f.Format is not null));
        Assert.All(fromFolder.Files, f => Assert.Null(f.Error));
        Assert.Contains(fromFolder.Files, f => f.Path.EndsWith("user.json", StringComparison.Ordinal) && f.Diagnostics.Single().Message.StartsWith("not a chat export", StringComparison.Ordinal));
        Assert.Equal(expected, Rows(fromFolder));
        Assert.Equal(2, fromZip.Files.Count(f => f.Format is not null));
        Assert.Contains(fromZip.Files, f => f.Path == renamedZip + "!conversations-001.json");
        Assert.Equal(expected, Rows(fromZip));
    }

    private static List<PersonMessage> Rows(ImportReadResult result) =>
        [.. result.Messages.OrderBy(m => m.MessageId, StringComparer.Ordinal)];
}

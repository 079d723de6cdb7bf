using System.Text.Json.Nodes;
using Persona.Core.Import;
using Persona.Core.Import.Output;
using Persona.Core.Pipeline;
using Persona.Tests;

namespace Persona.Core.Tests.Import;

/// <summary>notebooks/01-import.ipynb follows the notebook contract, and the API its cells call works on the bundled sample.</summary>
public sealed class ImportNotebookTests
{
    private static string NotebookPath => Path.Combine(TestPaths.RepoRoot, "notebooks", "01-import.ipynb");

    [Fact]
    public async Task Notebook_Layout_FollowsTheNotebookContract()
    {
        var notebook = JsonNode.Parse(await File.ReadAllTextAsync(NotebookPath, TestContext.Current.CancellationToken))!;
        var code = notebook["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();

        Assert.Equal(".net-csharp", notebook["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("#r \"../artifacts/nblib/Persona.Core.dll\"", Source(code[0]!));
        Assert.Contains("parameters", code[1]!["metadata"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.All(code, c => Assert.Equal("csharp", c!["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>()));
        Assert.Contains("ImportAsync(inputPaths, paths)", string.Join("\n", code.Select(c => Source(c!))));
    }

    /// <summary>The calls of the notebook's cells, in order, on the bundled generated sample.</summary>
    [Fact]
    public async Task NotebookCells_OnBundledSample_ImportReportRowsAndSelfDescription()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var ct = TestContext.Current.CancellationToken;
        var inputPaths = new[] { Path.Combine(TestPaths.Samples, "generated-persona-chatgpt.json") };
        var paths = new PipelinePaths(dir.Path);

        var importer = new ChatImporter(new ImportOptions { Branches = Enum.Parse<BranchSelection>("active", ignoreCase: true) });
        var report = await importer.ImportAsync(inputPaths, paths, cancellationToken: ct);
        var rows = await AllMessagesDataset.ReadAsync(paths.AllMessages, ct);
        var self = await SelfDescriptionFile.ReadAsync(paths.SelfDescription, ct);

        Assert.True(report.Succeeded);
        Assert.Equal(72, report.Changes!.Added);
        Assert.Equal(313, rows.Count);
        Assert.Equal(72, rows.Select(r => r.ConversationId).Distinct().Count());
        Assert.Equal([SelfDescriptionKind.AboutUser, SelfDescriptionKind.ResponseInstructions], self.Select(s => s.Kind));
    }

    private static string Source(JsonNode cell) => string.Concat(cell["source"]!.AsArray().Select(s => s!.GetValue<string>()));
}

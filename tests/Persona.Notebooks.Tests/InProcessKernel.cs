using Persona.Notebooks.Execution;
using Persona.Notebooks.Format;

namespace Persona.Notebooks.Tests;

/// <summary>
/// Executes a notebook in the test process (the child's code path without the process), so tests pay
/// Roslyn's warm-up once. The run changes the process's working folder, hence one collection, not parallel.
/// </summary>
internal static class InProcessKernel
{
    public const string Collection = "in-process kernel";

    public static async Task<(NotebookExecutionResult Result, System.Text.Json.Nodes.JsonObject Output)> RunAsync(
        string notebookPath, NotebookExecutionOptions? options = null)
    {
        var loaded = await NotebookDocument.LoadAsync(notebookPath, TestContext.Current.CancellationToken);
        Assert.NotNull(loaded.Document);
        var outputPath = Path.Combine(Path.GetDirectoryName(notebookPath)!, "out", Path.GetFileName(notebookPath));
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        var cwd = Directory.GetCurrentDirectory();
        try
        {
            var result = await new NotebookExecutor(options ?? new NotebookExecutionOptions()).ExecuteAsync(
                loaded.Document,
                outputPath,
                (doc, ct) => File.WriteAllTextAsync(doc.Path, doc.ToJson(), ct),
                cancellationToken: TestContext.Current.CancellationToken);
            return (result, TestNotebook.Load(outputPath));
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
        }
    }
}

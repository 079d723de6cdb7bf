using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Persona.Core.Display;
using Persona.Core.Library;
using Persona.Tests;

namespace Persona.Core.Tests.Library;

/// <summary>
/// Executes the code cells of <c>notebooks/06-personas.ipynb</c> in order with the C# scripting engine
/// (one submission per cell, as a notebook kernel does), with the parameters cell pointed at a temp
/// profile, so the notebook keeps compiling and running against the public API.
/// </summary>
public sealed class PersonasNotebookTests
{
    [Fact]
    public async Task Notebook_AllCellsRun_AndLeaveTheExpectedLibraryState()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var cells = CodeCells(Path.Combine(TestPaths.RepoRoot, "notebooks", "06-personas.ipynb"));
        Assert.Equal("#r \"../artifacts/nblib/Persona.Core.dll\"", cells[0].Source);
        Assert.True(cells[1].IsParameters);

        var globals = new NotebookGlobals();
        var options = ScriptOptions.Default.AddReferences(typeof(PersonaLibrary).Assembly, typeof(JsonNode).Assembly).AddImports("System", "System.Linq", "System.Collections.Generic");
        var state = await CSharpScript.RunAsync(cells[1].Source, options, globals, typeof(NotebookGlobals), TestContext.Current.CancellationToken);
        state = await state.ContinueWithAsync($"profilesRoot = @\"{dir.Path}\";", cancellationToken: TestContext.Current.CancellationToken);
        // With the shared SmolLM2 tokenizer beside the checkout the preview counts exactly; without it, the estimate.
        var tokenizer = Path.Combine(TestPaths.SharedRoot, "models", "smollm2-135m-instruct-tokenizer");
        var exact = Directory.Exists(tokenizer);
        if (exact)
            state = await state.ContinueWithAsync($"tokenizerPath = @\"{tokenizer}\"; countChatTemplate = true;", cancellationToken: TestContext.Current.CancellationToken);
        foreach (var cell in cells.Skip(2))
        {
            state = await state.ContinueWithAsync(cell.Source, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Null(state.Exception);
            if (state.ReturnValue is not null)
                globals.Displayed.Add(state.ReturnValue);
        }

        Assert.Contains(globals.Displayed.OfType<HtmlTable>(), t => t.Caption == "History" && t.TotalRowCount == 3);
        var preview = Assert.Single(globals.Displayed.OfType<SummaryCard>(), c => c.Title == "Prompt preview");
        var tokens = Assert.Single(preview.Entries, e => e.Key == "tokens").Value;
        Assert.Contains(exact ? "(exact: smollm2-135m-instruct-tokenizer/tokenizer.json, ChatMl system turn)" : "(estimate", tokens, StringComparison.Ordinal);
        Assert.Contains(globals.Displayed.OfType<string>(), s => s.Contains("not the expected version 1", StringComparison.Ordinal));
        Assert.Contains(globals.Displayed.OfType<string>(), s => s.Contains("`traits` is \"direct and patient with \\\"why\\\" questions\"", StringComparison.Ordinal));
        Assert.Contains(globals.Displayed.OfType<SummaryCard>(), c => c.Entries.Any(e => e.Key == "reason" && e.Value == "Override"));
        var library = new PersonaLibrary(new PersonaLibraryOptions { ProfilesRoot = dir.Path, ProfileId = "notebook-demo" });
        var history = await library.HistoryAsync("nb-reviewer", TestContext.Current.CancellationToken);
        Assert.Equal(3, history.Count);
        Assert.Equal(history[0].Persona.Instructions, history[2].Persona.Instructions);
        Assert.NotEmpty((await library.ReadUsageLogAsync("demo-project", TestContext.Current.CancellationToken)).Entries);
    }

    private static List<(string Source, bool IsParameters)> CodeCells(string path)
    {
        var nb = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(".net-csharp", nb["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        var result = new List<(string, bool)>();
        foreach (var cell in nb["cells"]!.AsArray())
        {
            if (cell!["cell_type"]!.GetValue<string>() != "code")
                continue;
            Assert.Equal("csharp", cell["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>());
            Assert.Equal("csharp", cell["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
            var source = string.Concat(cell["source"]!.AsArray().Select(l => l!.GetValue<string>()));
            var tags = cell["metadata"]!["tags"]?.AsArray().Select(t => t!.GetValue<string>()) ?? [];
            result.Add((source, tags.Contains("parameters")));
        }

        return result;
    }
}

/// <summary>What a notebook cell can call besides the library: the kernel's <c>display</c>.</summary>
public sealed class NotebookGlobals
{
    public List<object?> Displayed { get; } = [];

#pragma warning disable IDE1006 // The kernel's function is spelled in lower case.
    public void display(object? value) => Displayed.Add(value);
#pragma warning restore IDE1006
}

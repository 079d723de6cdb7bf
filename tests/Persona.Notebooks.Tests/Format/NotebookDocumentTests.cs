using System.Diagnostics;
using System.Text.Json.Nodes;
using Persona.Notebooks.Format;
using Persona.Tests;

namespace Persona.Notebooks.Tests.Format;

public sealed class NotebookDocumentTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", name);

    [Fact]
    public void ToJson_UnexecutedVsCodeNotebook_IsByteIdentical()
    {
        var text = File.ReadAllText(Fixture("vscode-unexecuted.ipynb"));
        var loaded = NotebookDocument.Parse("nb.ipynb", text);

        Assert.NotNull(loaded.Document);
        Assert.Equal(text, loaded.Document.ToJson());
    }

    [Fact]
    public void ToJson_TwoSpaceIndent_IsKept()
    {
        var one = File.ReadAllText(Fixture("vscode-unexecuted.ipynb"));
        var two = string.Join('\n', one.Split('\n').Select(l => new string(' ', 2 * (l.Length - l.TrimStart(' ').Length)) + l.TrimStart(' ')));

        var loaded = NotebookDocument.Parse("nb.ipynb", two);

        Assert.Equal("  ", loaded.Document!.Indent);
        Assert.Equal(two, loaded.Document.ToJson());
    }

    [Fact]
    public void Serialize_MatchesJavaScriptJsonStringifyWithSortedKeys()
    {
        // The oracle is the algorithm VS Code runs: JSON.stringify over recursively key-sorted objects.
        var node = FindNode();
        var root = new JsonObject
        {
            ["z"] = "ctl\u0001\u001f \u2028 <&> é \"q\" \\",
            ["a"] = new JsonArray(1, "x", true, null, new JsonObject(), new JsonArray()),
            ["M"] = new JsonObject { ["b"] = 2, ["B"] = "lone \ud800 surrogate" },
        };
        var ours = NotebookJsonWriter.Serialize(root, " ");
        var script = "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const sort=o=>Array.isArray(o)?o.map(sort):(o&&typeof o==='object')?Object.keys(o).sort().reduce((r,k)=>(r[k]=sort(o[k]),r),{}):o;process.stdout.write(JSON.stringify(sort(JSON.parse(s)),null,' ')+'\\n');});";

        var start = new ProcessStartInfo(node) { RedirectStandardInput = true, RedirectStandardOutput = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        process.StandardInput.Write(ours);
        process.StandardInput.Close();
        var theirs = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void Parse_InvalidJson_ReportsLine()
    {
        var loaded = NotebookDocument.Parse("bad.ipynb", "{\n \"cells\": [\n  {,\n ]\n}");

        Assert.Null(loaded.Document);
        Assert.Equal(3, loaded.Diagnostic!.Line);
        Assert.StartsWith("bad.ipynb line 3: not valid JSON", loaded.Diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "top level is not a JSON object")]
    [InlineData("{\"nbformat\": 3, \"cells\": []}", "nbformat 4")]
    [InlineData("{\"nbformat\": 4}", "\"cells\" is missing")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"widget\"}]}", "cell 0: unknown cell_type 'widget'")]
    public void Parse_NotANotebook_SaysWhy(string json, string expected)
    {
        var loaded = NotebookDocument.Parse("x.ipynb", json);

        Assert.Null(loaded.Document);
        Assert.Contains(expected, loaded.Diagnostic!.ToString(), StringComparison.Ordinal);
    }

    private static string FindNode()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node");
            if (File.Exists(candidate))
                return candidate;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail("node is required under CI for the JSON.stringify oracle");
        Assert.Skip("node not on PATH: the JSON.stringify oracle cannot run");
        return string.Empty;
    }
}

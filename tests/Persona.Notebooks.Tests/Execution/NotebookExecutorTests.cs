using Persona.Notebooks.Execution;
using Persona.Tests;
using static Persona.Notebooks.Tests.TestNotebook;

namespace Persona.Notebooks.Tests.Execution;

[Collection(InProcessKernel.Collection)]
public sealed class NotebookExecutorTests
{
    [Fact]
    public async Task Execute_Parameters_InjectedAfterParametersCellAndShadowDefaults()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("p.ipynb"),
            Markdown("# p"),
            Code("var rows = 10;\nvar label = \"default\";", "parameters"),
            Code("$\"{rows * 2} {label} {ratio} {flag}\""));
        var options = new NotebookExecutionOptions
        {
            Parameters = [ParameterValue.Parse("rows=21"), ParameterValue.Parse("label=given"), ParameterValue.Parse("ratio=0.5"), ParameterValue.Parse("flag=true")],
        };

        var (result, output) = await InProcessKernel.RunAsync(path, options);

        Assert.True(result.Succeeded);
        var injected = output["cells"]![2]!;
        Assert.Equal("injected-parameters", (string?)injected["metadata"]!["tags"]![0]);
        Assert.Equal("// Parameters\nvar rows = 21;\nvar label = \"given\";\nvar ratio = 0.5;\nvar flag = true;", Persona.Notebooks.Format.MultilineText.Join(injected["source"]));
        Assert.Equal("42 given 0.5 True", Text(Outputs(output, 3)[0]!, "text/plain"));
        Assert.Equal(3, (int)output["cells"]![3]!["execution_count"]!);
    }

    [Fact]
    public async Task Execute_InputPrompt_AnsweredFromAnswers()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("a.ipynb"), Code("var name = await GetInputAsync(\"Your name?\");\nvar pw = await GetPasswordAsync(\"Token?\");\n$\"{name}/{pw}/{pw.GetClearTextPassword()}\""));
        var answers = new AnswerBook(new Dictionary<string, string> { ["your name?"] = "Ada", ["Token?"] = "s3cret" }, new Dictionary<string, string>());

        var (result, output) = await InProcessKernel.RunAsync(path, new NotebookExecutionOptions { Answers = answers });

        Assert.True(result.Succeeded);
        Assert.Equal("Ada/************/s3cret", Text(Outputs(output, 0)[0]!, "text/plain"));
    }

    [Fact]
    public async Task Execute_MissingAnswer_FailsFastNamingPrompt()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("m.ipynb"), Code("var goal = await GetInputAsync(\"What is your goal?\");"), Code("Console.WriteLine(\"never\");"));

        var started = DateTime.UtcNow;
        var (result, output) = await InProcessKernel.RunAsync(path);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
        Assert.False(result.Succeeded);
        Assert.Equal(0, result.StoppedAt!.CellIndex);
        Assert.Contains("\"What is your goal?\"", result.StoppedAt.Message, StringComparison.Ordinal);
        Assert.Empty(Outputs(output, 1));
        Assert.Null(output["cells"]![1]!["execution_count"]);
    }

    [Fact]
    public async Task Execute_RuntimeError_StopsWithCellIndexAndLine()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("e.ipynb"),
            Markdown("intro"),
            Code("var ok = 1;"),
            Code("var a = 1;\nvar b = 2;\nthrow new InvalidOperationException(\"boom\");"),
            Code("Console.WriteLine(\"after\");"));

        var (result, output) = await InProcessKernel.RunAsync(path);

        var failure = result.StoppedAt!;
        Assert.Equal((2, 2, 3), (failure.CellIndex, failure.CodeOrdinal, failure.Line));
        Assert.Equal("System.InvalidOperationException: boom", failure.Message);
        Assert.Equal("e.ipynb cell 2 (code #2, line 3): System.InvalidOperationException: boom", failure.Describe("e.ipynb"));
        var error = Outputs(output, 2)[0]!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("Error", (string?)error["ename"]);
        Assert.StartsWith("System.InvalidOperationException: boom", (string?)error["evalue"], StringComparison.Ordinal);
        Assert.Empty(Outputs(output, 3));
    }

    [Fact]
    public async Task Execute_CompileError_ReportsDiagnosticLineWithoutPath()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("c.ipynb"), Code("var a = 1;\nvar b = missing + 1;"));

        var (result, output) = await InProcessKernel.RunAsync(path);

        Assert.Equal(2, result.StoppedAt!.Line);
        Assert.StartsWith("CS0103", result.StoppedAt.Message, StringComparison.Ordinal);
        Assert.Equal("(2,9): error CS0103: The name 'missing' does not exist in the current context", (string?)Outputs(output, 0)[0]!["evalue"]);
    }

    [Fact]
    public async Task Execute_AllowErrors_RunsToTheEnd()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("ae.ipynb"), Code("throw new Exception(\"one\");"), Code("1 + 1"));

        var (result, output) = await InProcessKernel.RunAsync(path, new NotebookExecutionOptions { AllowErrors = true });

        Assert.True(result.Succeeded);
        Assert.True(Assert.Single(result.Failures).Allowed);
        Assert.Equal("2", Text(Outputs(output, 1)[0]!, "text/plain"));
    }

    [Fact]
    public async Task Execute_RaisesExceptionTag_AllowsOnlyThatCell()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("re.ipynb"),
            Code("throw new ArgumentException(\"expected\");", "raises-exception"),
            Code("var x = 3;"),
            Code("throw new Exception(\"unexpected\");"),
            Code("x"));

        var (result, output) = await InProcessKernel.RunAsync(path);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Failures.Count);
        Assert.True(result.Failures[0].Allowed);
        Assert.Equal(2, result.StoppedAt!.CellIndex);
        Assert.Empty(Outputs(output, 3));
    }

    [Fact]
    public async Task Execute_DisplayAndConsole_RecordedInOrderAsVsCodeSavesThem()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("d.ipynb"), Code("""
            Console.Write("a");
            Console.WriteLine("b");
            Console.Error.WriteLine("warn");
            display("plain text");
            display(HTML("<b>bold</b>"));
            new[] { 1, 2 }.Display();
            "<i>raw</i>".DisplayAs("text/html");
            Console.WriteLine("c");
            var shown = display("v1");
            shown.Update("v2");
            (object)null
            """));

        var (result, output) = await InProcessKernel.RunAsync(path);

        Assert.True(result.Succeeded);
        var outputs = Outputs(output, 0);
        Assert.Equal(["stream", "stream", "display_data", "display_data", "display_data", "display_data", "stream", "display_data", "display_data"],
            outputs.Select(o => (string)o!["output_type"]!).ToArray());
        Assert.Equal(("stdout", "ab\n"), ((string?)outputs[0]!["name"], Text(outputs[0]!)));
        Assert.Equal(("stderr", "warn\n"), ((string?)outputs[1]!["name"], Text(outputs[1]!)));
        Assert.Equal("plain text", Text(outputs[2]!, "text/plain"));
        Assert.Equal("<b>bold</b>", Text(outputs[3]!, "text/html"));
        Assert.Contains("<td>0</td><td>1</td></tr><tr><td>1</td><td>2</td>", Text(outputs[4]!, "text/html"), StringComparison.Ordinal);
        Assert.Equal("1\n2", Text(outputs[4]!, "text/plain"));
        Assert.Equal("<i>raw</i>", Text(outputs[5]!, "text/html"));
        Assert.Equal("c\n", Text(outputs[6]!));
        Assert.Equal("v2", Text(outputs[7]!, "text/plain"));
        Assert.Equal("<null>", Text(outputs[8]!, "text/plain"));
        Assert.All(outputs.Where(o => (string?)o!["output_type"] == "display_data"), o => Assert.NotNull(o!["metadata"]));
    }

    [Fact]
    public async Task Execute_HtmlDisplayableAndFormatterSource_RenderHtmlAndPlain()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("h.ipynb"),
            Code("""
                public interface IHtmlDisplayable { string ToHtml(); string ToPlainText(); }
                public sealed class Card : IHtmlDisplayable
                {
                    string IHtmlDisplayable.ToHtml() => "<div class='card'>hi</div>";
                    string IHtmlDisplayable.ToPlainText() => "Card: hi";
                }
                [AttributeUsage(AttributeTargets.Class)]
                public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
                {
                    public Type FormatterSourceType { get; } = formatterSourceType;
                    public string[] PreferredMimeTypes { get; set; } = [];
                }
                public sealed class ChartFormatter(string mime)
                {
                    public string MimeType => mime;
                    public bool Format(object value, System.IO.TextWriter writer)
                    {
                        writer.Write(mime == "text/html" ? "<div class='chart'>T</div>" : "Chart: T");
                        return true;
                    }
                }
                public sealed class ChartFormatterSource
                {
                    public IEnumerable<object> CreateTypeFormatters() => [new ChartFormatter("text/plain"), new ChartFormatter("text/html")];
                }
                [TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
                public sealed class Chart;
                """),
            Code("new Card()"),
            Code("new Chart()"),
            Code("new List<Card> { new Card() }"));

        var (result, output) = await InProcessKernel.RunAsync(path);

        Assert.True(result.Succeeded, result.StoppedAt?.Message);
        Assert.Equal("<div class='card'>hi</div>", Text(Outputs(output, 1)[0]!, "text/html"));
        Assert.Equal("Card: hi", Text(Outputs(output, 1)[0]!, "text/plain"));
        Assert.Equal("<div class='chart'>T</div>", Text(Outputs(output, 2)[0]!, "text/html"));
        Assert.Equal("Chart: T", Text(Outputs(output, 2)[0]!, "text/plain"));
        Assert.Contains("<td>0</td><td><div class='card'>hi</div></td>", Text(Outputs(output, 3)[0]!, "text/html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_RelativeReference_LoadsLibraryAndItsDependencyBesideIt()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var lib = temp.Combine("artifacts", "lib");
        var dep = LibraryCompiler.Compile(lib, "NbDep" + suffix, "namespace D; public static class Greeter { public static string Greet(string n) => \"hello \" + n; }");
        LibraryCompiler.Compile(lib, "NbLib" + suffix, "namespace L; public static class Api { public static string Run() => D.Greeter.Greet(\"lib\"); }", dep);
        File.WriteAllText(temp.Combine("notebooks", "helper.csx").EnsureDirectory(), "static int Twice(int x) => 2 * x;");
        var path = Write(temp.Combine("notebooks", "r.ipynb"),
            Code($"#r \"../artifacts/lib/NbLib{suffix}.dll\"\nL.Api.Run()"),
            Code("#load \"helper.csx\"\nTwice(21)"),
            Code("System.IO.File.Exists(\"helper.csx\")"));

        var (result, output) = await InProcessKernel.RunAsync(path);

        Assert.True(result.Succeeded, result.StoppedAt?.Message);
        Assert.Equal("hello lib", Text(Outputs(output, 0)[0]!, "text/plain"));
        Assert.Equal("42", Text(Outputs(output, 1)[0]!, "text/plain"));
        Assert.Equal("True", Text(Outputs(output, 2)[0]!, "text/plain"));
    }

    [Fact]
    public async Task Execute_MissingReference_FailsBeforeRunningNamingPath()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("notebooks", "n.ipynb"), Code("#r \"../artifacts/nblib/Persona.Core.dll\""));

        var (result, _) = await InProcessKernel.RunAsync(path);

        Assert.Equal(0, result.CellsRun);
        Assert.Contains("../artifacts/nblib/Persona.Core.dll\" not found", result.StoppedAt!.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build src/Persona.Core", result.StoppedAt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Output_IsValidNbformat()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("v.ipynb"),
            Markdown("# t"),
            Code("Console.WriteLine(1);\ndisplay(HTML(\"<p>x</p>\"));\n2"),
            Code("#!time\nvar t = 1;"),
            Code("display(\"once\")"),
            Code("throw new Exception(\"x\");", "raises-exception"),
            Code("1", "skip-execution"));

        var (_, output) = await InProcessKernel.RunAsync(path);

        NbformatAssert.Valid(output);
        Assert.StartsWith("Wall time: ", Text(Outputs(output, 2)[0]!, "text/plain"), StringComparison.Ordinal);
        Assert.Equal("once", Text(Assert.Single(Outputs(output, 3))!, "text/plain"));
        Assert.Null(output["cells"]![5]!["execution_count"]);
    }
}

using Persona.Notebooks.Execution;

namespace Persona.Notebooks.Tests.Execution;

public sealed class CellPreprocessorTests
{
    private static readonly AnswerBook Answers = new(new Dictionary<string, string> { ["Your name?"] = "Ada \"A\"" }, new Dictionary<string, string> { ["city"] = "Oslo" });

    [Fact]
    public void Prepare_NugetReference_IsUnsupportedWithLine()
    {
        var cell = CellPreprocessor.Prepare("// x\n#r \"nuget: Newtonsoft.Json, 13.0.1\"\n1", "csharp", Answers);

        Assert.Equal(CellAction.Unsupported, cell.Action);
        Assert.Equal(2, cell.ErrorLine);
        Assert.Contains("not supported headless", cell.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#!who")]
    [InlineData("#i \"nuget: https://example.org/feed\"")]
    [InlineData("#!connect mssql")]
    public void Prepare_OtherMagics_AreUnsupported(string line)
    {
        var cell = CellPreprocessor.Prepare("var a = 1;\n" + line, "csharp", Answers);

        Assert.Equal(CellAction.Unsupported, cell.Action);
        Assert.Equal(2, cell.ErrorLine);
    }

    [Fact]
    public void Prepare_SetFromInput_UsesAnswerAndKeepsLineCount()
    {
        var cell = CellPreprocessor.Prepare("#!csharp\n#!set --name who --value @input:\"Your name?\"\nwho", "csharp", Answers);

        Assert.Equal(CellAction.RunCSharp, cell.Action);
        Assert.Equal("\n" + "var who = \"Ada \\\"A\\\"\";\nwho", cell.Code);
    }

    [Fact]
    public void Prepare_SetFromInputJsonPrompt_FallsBackToParameterByName()
    {
        var cell = CellPreprocessor.Prepare("#!set --name city --value @input:{\"prompt\": \"Which city?\"}", "csharp", Answers);

        Assert.Equal("var city = \"Oslo\";", cell.Code);
    }

    [Fact]
    public void Prepare_SetWithoutAnswer_ThrowsNamingThePrompt()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => CellPreprocessor.Prepare("#!set --name z --value @input:\"Favourite colour?\"", "csharp", Answers));

        Assert.Contains("\"Favourite colour?\"", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#!markdown\n# title", "csharp", "Skip")]
    [InlineData("<b>x</b>", "html", "ShowHtml")]
    [InlineData("#!html\n<b>x</b>", "csharp", "ShowHtml")]
    [InlineData("let x = 1", "fsharp", "Unsupported")]
    [InlineData("#!time\n1", "csharp", "RunCSharp")]
    [InlineData("  \n", "csharp", "Skip")]
    public void Prepare_KernelSelection(string source, string kernel, string expected)
    {
        Assert.Equal(expected, CellPreprocessor.Prepare(source, kernel, Answers).Action.ToString());
    }
}

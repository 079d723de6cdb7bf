using System.Collections;
using Persona.Core.Display;
using Persona.Core.Tests.Plotting;

namespace Persona.Core.Tests.Display;

public sealed class HtmlDisplayTests
{
    private const string Hostile = "<script>alert('x')</script> & \"q\"";

    [Fact]
    public void HtmlTable_ScriptInContent_Escaped()
    {
        var table = new HtmlTable(["name", Hostile], [[Hostile, 1.5]]);

        var html = table.ToHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<td style=\"padding:2px 8px;vertical-align:top\">1.5</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlTable_MoreRowsThanLimit_KeepsLimitAndCountsRest()
    {
        var table = new HtmlTable(["i"], Enumerable.Range(0, 25).Select(i => new object?[] { i }), maxRows: 10);

        Assert.Equal(10, table.Rows.Count);
        Assert.Equal(25, table.TotalRowCount);
        Assert.Contains("(15 more rows)", table.ToHtml(), StringComparison.Ordinal);
        Assert.EndsWith("(15 more rows)", table.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(11, System.Text.RegularExpressions.Regex.Count(table.ToHtml(), "<tr>"));
    }

    [Fact]
    public void HtmlTable_RowWithWrongCellCount_Throws() =>
        Assert.Throws<ArgumentException>(() => new HtmlTable(["a", "b"], [["only one"]]));

    [Fact]
    public void HtmlTable_Create_SelectsColumnsAndFormatsInvariant()
    {
        var table = HtmlTable.Create(new[] { (Name: "a", Share: 0.125), (Name: "b", Share: 1.0 / 3) }, [("Name", r => r.Name), ("Share", r => r.Share)]);

        Assert.Equal(
            """
            Name  Share
            ----  ------
            a     0.125
            b     0.3333
            """.ReplaceLineEndings("\n"),
            table.ToPlainText());
    }

    [Fact]
    public void SummaryCard_ScriptInKeyAndValue_EscapedAndOrdered()
    {
        var card = new SummaryCard("Import <report>", ("Messages", 1234), (Hostile, Hostile)).With("Skipped", null);

        var html = card.ToHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Import &lt;report&gt;", html, StringComparison.Ordinal);
        Assert.Equal(["Messages", Hostile, "Skipped"], card.Entries.Select(e => e.Key));
        var lines = card.ToPlainText().Split('\n');
        Assert.Equal("Import <report>", lines[0]);
        Assert.Matches(@"^  Messages: +1234$", lines[1]);
        Assert.Matches(@"^  Skipped:$", lines[3].TrimEnd());
    }

    [Fact]
    public void ProgressBar_Half_ShowsBarAndPercent()
    {
        var bar = new ProgressBar("Embedding <msgs>", 0, 200).WithCompleted(100);

        Assert.Equal(50, bar.Percent);
        Assert.Equal("Embedding <msgs> [###############---------------] 50% (100/200)", bar.ToPlainText());
        Assert.Contains("width:50%", bar.ToHtml(), StringComparison.Ordinal);
        Assert.Contains("Embedding &lt;msgs&gt;", bar.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProgressBar_UnknownTotal_ShowsCountOnly()
    {
        var bar = new ProgressBar("Reading", 7, 0).Advance(3);

        Assert.Null(bar.Percent);
        Assert.Equal("Reading 10", bar.ToPlainText());
    }

    [Fact]
    public void ProgressBar_OverTotal_ClampedTo100()
    {
        Assert.Equal(100, new ProgressBar("x", 12, 10).Percent);
        Assert.Equal(99, new ProgressBar("x", 999, 1000).Percent);
    }

    [Fact]
    public void HtmlBlock_Paragraph_EscapesAndKeepsLineBreaks() =>
        Assert.Equal("<p>a &lt;b&gt;<br/>c</p>", HtmlBlock.Paragraph("a <b>\r\nc").ToHtml());

    public static TheoryData<IHtmlDisplayable> Displayables() =>
    [
        new HtmlTable(["a"], [[1]]),
        new SummaryCard("t", ("k", "v")),
        new ProgressBar("p", 1, 2),
        HtmlBlock.Heading("h"),
        SampleFigures.Lines(),
    ];

    /// <summary>
    /// Replays how the .NET Interactive formatter discovers a convention-based formatter source: an
    /// attribute found by type name, its public FormatterSourceType and PreferredMimeTypes, a public
    /// parameterless constructor, a public CreateTypeFormatters() and, per formatter, public MimeType
    /// and Format(object, TextWriter).
    /// </summary>
    [Theory]
    [MemberData(nameof(Displayables))]
    public void ConventionFormatterSource_AsKernelFindsIt_ProducesHtmlAndPlainText(IHtmlDisplayable value)
    {
        var attribute = Assert.Single(value.GetType().GetCustomAttributes(true), a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = Assert.IsAssignableFrom<Type>(attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute));
        var mimeTypes = Assert.IsType<string[]>(attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute));
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = Assert.IsAssignableFrom<IEnumerable>(source.GetType().GetMethod("CreateTypeFormatters")!.Invoke(source, null));

        var outputs = new Dictionary<string, string>();
        foreach (var formatter in formatters)
        {
            var mime = Assert.IsType<string>(formatter.GetType().GetProperty("MimeType")!.GetValue(formatter));
            Assert.Null(formatter.GetType().GetProperty("Type"));
            using var writer = new StringWriter();
            Assert.True((bool)formatter.GetType().GetMethod("Format")!.Invoke(formatter, [value, writer])!);
            outputs[mime] = writer.ToString();
        }

        Assert.Equal(["text/html", "text/plain"], mimeTypes);
        Assert.StartsWith("<", outputs["text/html"], StringComparison.Ordinal);
        Assert.Equal(value.ToPlainText(), outputs["text/plain"]);
    }
}

using System.Text.RegularExpressions;
using Persona.Core.Display;
using Persona.Core.Pipeline;
using Persona.Core.Plotting;
using Persona.Tests;

namespace Persona.Core.Tests.Plotting;

public sealed class FigureReportTests
{
    [Fact]
    public void ToHtml_SeveralFigures_InlinesPlotlyOnceInHeadWithNumberedFigures()
    {
        var report = new FigureReport("Clusters <run 1>", SampleFigures.ScatterByGroup(), HtmlBlock.Paragraph("between"), SampleFigures.Heatmap());

        var html = report.ToHtml();
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];

        Assert.Equal(1, Regex.Count(html, Regex.Escape($"plotly.js v{PlotlyJs.Version}")));
        Assert.Contains($"plotly.js v{PlotlyJs.Version}", head, StringComparison.Ordinal);
        Assert.Contains("<div id=\"figure-1\">", html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"figure-2\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Clusters &lt;run 1&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<p>between</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_NoFigures_LeavesPlotlyOut()
    {
        var html = new FigureReport("Summary", new SummaryCard("Import", ("Messages", 3))).ToHtml();

        Assert.DoesNotContain("plotly.js v", html, StringComparison.Ordinal);
        Assert.True(html.Length < 10_000);
    }

    [Fact]
    public void ToHtml_SameReport_SameBytes()
    {
        var report = new FigureReport("r", SampleFigures.Lines()).Add(SampleFigures.Histogram());

        Assert.Equal(report.ToHtml(), report.ToHtml());
    }

    [Fact]
    public async Task WriteToReportsAsync_WritesUnderReportsFolder()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(dir.Combine("personas"));

        var written = await new FigureReport("r", SampleFigures.Lines()).WriteToReportsAsync(paths, "clusters.html", TestContext.Current.CancellationToken);

        Assert.Equal(Path.GetFullPath(Path.Combine(paths.Reports, "clusters.html")), written);
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(written, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(paths.Reports));
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("sub/report.html")]
    [InlineData("report.txt")]
    public async Task WriteToReportsAsync_NotAPlainHtmlName_Throws(string fileName)
    {
        using var dir = TestPaths.CreateTempDirectory();

        await Assert.ThrowsAsync<ArgumentException>(() => new FigureReport("r").WriteToReportsAsync(new PipelinePaths(dir.Path), fileName, TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}

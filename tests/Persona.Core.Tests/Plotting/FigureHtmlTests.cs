using System.Text.RegularExpressions;
using Persona.Core.Plotting;

namespace Persona.Core.Tests.Plotting;

public sealed class FigureHtmlTests
{
    [Fact]
    public void Fragment_FixedId_MatchesApproved() =>
        ApprovedText.Verify(PlotlyHtml.Fragment(SampleFigures.HorizontalBar(), "figure-1"), "FigureHtml.Fragment", "Plotting");

    [Fact]
    public void ToHtml_TwoCalls_UseDistinctElementIds()
    {
        var figure = SampleFigures.Lines();

        Assert.NotEqual(ElementId(figure.ToHtml()), ElementId(figure.ToHtml()));
    }

    [Fact]
    public void ToHtml_ScriptInTitleAndHoverText_CannotCloseTheScript()
    {
        const string Hostile = "</script><script>alert(1)</script><!--";
        var figure = new Figure(
            [new ScatterTrace(new[] { 1.0 }, new[] { 2.0 }) { HoverText = [Hostile], Name = Hostile }],
            new Layout { Title = Hostile });

        var html = figure.ToHtml();

        Assert.Equal(1, Regex.Count(html, "</script", RegexOptions.IgnoreCase));
        Assert.Equal(1, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<!--<", html, StringComparison.Ordinal);
        Assert.Contains("\\u003c/script\\u003e", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "Figure: scatter, 3 traces, 'Clusters'")]
    [InlineData(1, "Figure: scatter, 1 trace, 'Clusters'")]
    public void ToPlainText_Scatter_SummarisesKindCountAndTitle(int groups, string expected)
    {
        var points = Enumerable.Range(0, groups).Select(i => (X: (double)i, Group: "g" + i));
        var figure = new Figure(ScatterTrace.ByGroup(points, p => p.X, p => p.X, p => p.Group), new Layout { Title = "Clusters" });

        Assert.Equal(expected, figure.ToPlainText());
    }

    [Fact]
    public void ToPlainText_MixedKindsNoTitle_ListsKinds()
    {
        var figure = new Figure([new BarTrace(new[] { "a" }, new[] { 1 }), ScatterTrace.Lines(new[] { 0 }, new[] { 1 })]);

        Assert.Equal("Figure: bar+scatter, 2 traces", figure.ToPlainText());
    }

    private static string ElementId(string html) => Regex.Match(html, "<div id=\"([^\"]+)\"").Groups[1].Value;
}

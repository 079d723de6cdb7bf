using System.Text.Json;
using Persona.Core.Plotting;

namespace Persona.Core.Tests.Plotting;

public sealed class FigureJsonTests
{
    [Fact]
    public void ToJson_ScatterByGroup_MatchesApproved() =>
        ApprovedText.Verify(SampleFigures.ScatterByGroup().ToJson(), "FigureJson.ScatterByGroup", "Plotting");

    [Fact]
    public void ToJson_ScatterWithColorArrays_MatchesApproved() =>
        ApprovedText.Verify(SampleFigures.ScatterColorArray().ToJson(), "FigureJson.ScatterColorArray", "Plotting");

    [Fact]
    public void ToJson_GroupedBars_MatchesApproved() =>
        ApprovedText.Verify(SampleFigures.GroupedBars(BarMode.Group).ToJson(), "FigureJson.GroupedBars", "Plotting");

    [Fact]
    public void ToJson_HorizontalBar_MatchesApproved() =>
        ApprovedText.Verify(SampleFigures.HorizontalBar().ToJson(), "FigureJson.HorizontalBar", "Plotting");

    [Fact]
    public void ToJson_Histogram_MatchesApproved() =>
        ApprovedText.Verify(SampleFigures.Histogram().ToJson(), "FigureJson.Histogram", "Plotting");

    [Fact]
    public void ToJson_Heatmap_MatchesApproved() =>
        ApprovedText.Verify(SampleFigures.Heatmap().ToJson(), "FigureJson.Heatmap", "Plotting");

    [Fact]
    public void ToJson_Lines_MatchesApproved() =>
        ApprovedText.Verify(SampleFigures.Lines().ToJson(), "FigureJson.Lines", "Plotting");

    [Fact]
    public void ToJson_StackedBars_WritesStackBarMode()
    {
        using var json = JsonDocument.Parse(SampleFigures.GroupedBars(BarMode.Stack).ToJson(indented: false));

        Assert.Equal("stack", json.RootElement.GetProperty("layout").GetProperty("barmode").GetString());
    }

    [Fact]
    public void ToJson_NonFiniteValues_WrittenAsNull()
    {
        var figure = new Figure([new ScatterTrace(new[] { 1.0, double.PositiveInfinity }, new[] { double.NaN, 2.0 })]);

        using var json = JsonDocument.Parse(figure.ToJson());
        var trace = json.RootElement.GetProperty("data")[0];

        Assert.Equal(JsonValueKind.Null, trace.GetProperty("x")[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, trace.GetProperty("y")[0].ValueKind);
    }

    [Fact]
    public void ToJson_UnsetMembers_LeftOut()
    {
        using var json = JsonDocument.Parse(new Figure([new HistogramTrace(new[] { 1, 2 })]).ToJson());

        var trace = json.RootElement.GetProperty("data")[0];
        Assert.Equal(["type", "x"], trace.EnumerateObject().Select(p => p.Name).Order());
        Assert.Empty(json.RootElement.GetProperty("layout").EnumerateObject());
    }

    [Fact]
    public void ByGroup_GroupsInFirstAppearanceOrder_OneColouredTraceEach()
    {
        var traces = ScatterTrace.ByGroup(new[] { ("b", 1.0), ("a", 2.0), ("b", 3.0) }, p => p.Item2, p => p.Item2, p => p.Item1);

        Assert.Equal(["b", "a"], traces.Select(t => t.Name));
        Assert.Equal([1.0, 3.0], traces[0].X.Numbers!.Select(v => v!.Value));
        Assert.Equal(ColorPalette.Default[1], traces[1].Marker!.Color!.Uniform);
    }

    [Fact]
    public void PlotMatrix_RaggedRows_Throws() =>
        Assert.Throws<ArgumentException>(() => PlotMatrix.From([[1.0, 2.0], [3.0]]));

    [Fact]
    public void ColorScale_StopsOutOfOrder_Throws() =>
        Assert.Throws<ArgumentException>(() => ColorScale.FromStops((0, "#fff"), (0.8, "#888"), (0.5, "#444"), (1, "#000")));
}

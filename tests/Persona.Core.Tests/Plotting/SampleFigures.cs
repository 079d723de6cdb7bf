using Persona.Core.Plotting;

namespace Persona.Core.Tests.Plotting;

/// <summary>One figure of each kind, with the options the pipeline uses; shared by golden and browser tests.</summary>
internal static class SampleFigures
{
    private sealed record Point(double X, double Y, string Cluster, string Text);

    private static readonly Point[] Points =
    [
        new(0.1, 0.2, "Planner", "plan the week"),
        new(0.3, 0.1, "Planner", "list the <steps>"),
        new(-0.4, 0.5, "Debugger", "why does it \"fail\"?"),
        new(-0.2, 0.7, "Debugger", "stack trace & logs"),
        new(0.8, -0.3, "Storyteller", "once upon a time"),
    ];

    public static Figure ScatterByGroup() => new(
        ScatterTrace.ByGroup(Points, p => p.X, p => p.Y, p => p.Cluster, p => p.Text),
        new Layout
        {
            Title = "Clusters",
            XAxis = new Axis { Title = "component 1", ZeroLine = false },
            YAxis = new Axis { Title = "component 2" },
            Legend = new Legend { Title = "mode", Orientation = LegendOrientation.Horizontal },
            Width = 640,
            Height = 420,
        });

    public static Figure ScatterColorArray() => new(
        [
            new ScatterTrace(PlotArray.From(Points.Select(p => p.X)), PlotArray.From(Points.Select(p => p.Y)))
            {
                Mode = ScatterMode.MarkersAndText,
                Text = [.. Points.Select(p => p.Cluster)],
                HoverText = [.. Points.Select(p => p.Text)],
                HoverInfo = HoverInfo.Text,
                Marker = new Marker { Color = PlotColor.ByCategory(Points.Select(p => p.Cluster)), Size = 10, Line = new LineStyle { Color = "#333", Width = 1 } },
            },
            new ScatterTrace(new double[] { 0, 1 }, new double[] { double.NaN, 2.5 })
            {
                Name = "scaled",
                Marker = new Marker { Color = PlotColor.Scaled([0.2, 0.9]), ColorScale = ColorScale.Viridis, ShowScale = true },
            },
        ],
        new Layout { Title = "Messages by cluster", HoverMode = HoverMode.Closest });

    public static Figure GroupedBars(BarMode mode) => new(
        [
            new BarTrace(new[] { "question", "statement", "command" }, new[] { 12, 30, 7 }) { Name = "Planner", Text = ["12", "30", "7"] },
            new BarTrace(new[] { "question", "statement", "command" }, new[] { 20, 5, 9 }) { Name = "Debugger" },
        ],
        new Layout { Title = "Question types", BarMode = mode, YAxis = new Axis { Title = "messages" } });

    public static Figure HorizontalBar() => new(
        [new BarTrace(new[] { 0.42, 0.31 }, new[] { "k=3", "k=4" }) { Orientation = BarOrientation.Horizontal, Marker = new Marker { Color = "#4c78a8" } }],
        new Layout { Title = "Silhouette", Margin = new Margin { Left = 80, Right = 20, Top = 40, Bottom = 40 } });

    public static Figure Histogram() => new(
        [
            new HistogramTrace(new[] { 3, 5, 5, 8, 13, 13, 13, 21, 34, 55 }) { Name = "words", BinCount = 10, Opacity = 0.7 },
            new HistogramTrace(new[] { 1, 2, 2, 3, 3, 3, 4, 40 }) { Name = "sentences", Normalization = HistogramNormalization.Percent, Opacity = 0.7 },
        ],
        new Layout { Title = "Message length", BarMode = BarMode.Overlay, XAxis = new Axis { Title = "length", Type = AxisType.Log } });

    public static Figure Heatmap() => new(
        [
            new HeatmapTrace(new double[,] { { 1, 0.2, 0 }, { 0.2, 1, 0.5 } })
            {
                X = new[] { "tech", "life", "work" },
                Y = new[] { "Planner", "Debugger" },
                ColorScale = ColorScale.FromStops((0, "#ffffff"), (0.5, "#9ecae1"), (1, "#08306b")),
                ZMin = 0,
                ZMax = 1,
                Text = [["1", "0.2", "0"], ["0.2", "1", "0.5"]],
                TextTemplate = "%{text}",
                HoverTemplate = "%{y} × %{x}: %{z}<extra></extra>",
            },
        ],
        new Layout { Title = "Topic share by cluster", XAxis = new Axis { Title = "topic", Type = AxisType.Category } });

    public static Figure Lines() => new(
        [
            ScatterTrace.Lines(new[] { 3, 4, 5, 6 }, new[] { 0.41, 0.45, 0.39, 0.33 }, "silhouette"),
            ScatterTrace.Lines(new[] { 3, 4, 5, 6 }, new[] { 0.9, 0.8, 0.85, 0.7 }, "stability") with
            {
                Mode = ScatterMode.LinesAndMarkers,
                Line = new LineStyle { Dash = LineDash.Dash, Width = 2 },
            },
        ],
        new Layout { Title = "Choosing k", XAxis = new Axis { Title = "k" }, YAxis = new Axis { Title = "score", Range = [0, 1] } });
}

using Persona.Core.Plotting;

namespace Persona.Core.Training;

public sealed partial record LoraDataResult
{
    /// <summary>Train and validation examples per persona (stacked bars).</summary>
    public Figure ExamplesFigure() => new(
        [
            new BarTrace(Personas.Select(p => p.Name).ToArray(), Personas.Select(p => p.Train.Count).ToArray()) { Name = "train" },
            new BarTrace(Personas.Select(p => p.Name).ToArray(), Personas.Select(p => p.Valid.Count).ToArray()) { Name = "valid" },
        ],
        new Layout { Title = "Examples per persona", BarMode = BarMode.Stack, YAxis = new Axis { Title = "examples" } });

    /// <summary>Example length in tokens, one histogram per persona.</summary>
    public Figure TokenLengthFigure() => new(
        Personas.Select(p => (Trace)new HistogramTrace(p.ExampleTokenCounts.ToArray()) { Name = p.Name, Opacity = 0.6 }),
        new Layout
        {
            Title = TokensEstimated ? "Example length (estimated tokens)" : "Example length (tokens)",
            BarMode = BarMode.Overlay,
            XAxis = new Axis { Title = TokenizerName },
            YAxis = new Axis { Title = "examples" },
        });

    /// <summary>The filter funnel summed over personas: items in, each filter's removals, kept.</summary>
    public Figure FilterFunnelFigure()
    {
        var labels = new List<string> { "input" };
        var values = new List<int> { Personas.Sum(p => p.InputCount) };
        foreach (var kind in Enum.GetValues<FilterKind>())
        {
            labels.Add("− " + TrainingNames.Of(kind));
            values.Add(Personas.Sum(p => p.Filters.Where(f => f.Filter == kind).Sum(f => f.Removed)));
        }

        labels.Add("kept");
        values.Add(Personas.Sum(p => p.Kept));
        return new Figure(
            [new BarTrace(values.ToArray(), labels.ToArray()) { Orientation = BarOrientation.Horizontal, Text = [.. values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))] }],
            new Layout { Title = "Filter funnel (all personas)", YAxis = new Axis { AutoMargin = true }, XAxis = new Axis { Title = "items" } });
    }
}

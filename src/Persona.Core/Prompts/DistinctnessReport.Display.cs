using Persona.Core.Display;
using Persona.Core.Plotting;
using static System.FormattableString;

namespace Persona.Core.Prompts;

public sealed partial record DistinctnessReport
{
    /// <summary>The persona similarity matrix as a heatmap (1 = identical style profiles).</summary>
    public Figure SimilarityFigure()
    {
        var heatmap = new HeatmapTrace(PlotMatrix.From(Similarity.Select(row => row.AsEnumerable())))
        {
            X = PlotArray.From(Personas),
            Y = PlotArray.From(Personas),
            ZMin = 0,
            ZMax = 1,
            ColorScale = ColorScale.Blues,
            Text = Similarity.Select(row => (IReadOnlyList<string>)row.Select(value => Invariant($"{value:0.00}")).ToList()).ToList(),
            TextTemplate = "%{text}",
        };
        return new Figure([heatmap], new Layout
        {
            Title = Invariant($"Persona style similarity (held-out accuracy {Accuracy:0.00} vs chance {Chance:0.00})"),
        });
    }

    /// <summary>The check's figures as a card: accuracy against chance and the warnings.</summary>
    public SummaryCard Summary() => new("Persona distinctness",
        ("Held-out messages", HeldOut),
        ("Accuracy", Accuracy),
        ("Chance (1/k)", Chance),
        ("Majority baseline", MajorityBaseline),
        ("Better than chance", BetterThanChance ? "yes" : "no"),
        ("Warnings", Warnings.Count == 0 ? "none" : string.Join(" | ", Warnings)));
}

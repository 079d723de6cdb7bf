using Persona.Core.Display;
using Persona.Core.Pipeline;
using Persona.Core.Plotting;

namespace Persona.Core.Prompts;

public sealed partial record GeneratedPromptSet
{
    /// <summary>One row per persona: cluster, size, which path generated the prompt, its length.</summary>
    public HtmlTable Table() => HtmlTable.Create(
        Prompts,
        [
            ("Persona", prompt => prompt.Name),
            ("Cluster", prompt => prompt.SourceCluster),
            ("Messages", prompt => prompt.MessageCount),
            ("Claims", prompt => prompt.Claims.Count),
            ("Generator", prompt => prompt.Generator.Model is null ? prompt.Generator.Path.ToString() : $"{prompt.Generator.Path} ({prompt.Generator.Model})"),
            ("Prompt chars", prompt => prompt.Prompt.Length),
        ],
        caption: "Generated prompts");

    /// <summary>A standalone report: the table, the distinctness check and heatmap, each prompt with its evidence.</summary>
    public FigureReport ToReport()
    {
        var report = new FigureReport("Persona prompts", Table(), Distinctness.Summary(), Distinctness.SimilarityFigure())
        {
            Subtitle = $"seed {Seed}, {Prompts.Count} personas",
        };
        foreach (var prompt in Prompts)
        {
            report = report.Add(HtmlBlock.Heading(prompt.Name, 3))
                .Add(HtmlBlock.Paragraph(prompt.Prompt))
                .Add(prompt.EvidenceTable());
        }

        return report;
    }

    /// <summary>Writes <see cref="ToReport"/> to <c>reports/prompts.html</c> under <paramref name="paths"/>.</summary>
    public Task<string> WriteReportAsync(PipelinePaths paths, CancellationToken cancellationToken = default) =>
        ToReport().WriteToReportsAsync(paths, "prompts.html", cancellationToken);
}

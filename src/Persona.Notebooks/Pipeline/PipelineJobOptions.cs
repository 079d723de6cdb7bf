namespace Persona.Notebooks.Pipeline;

/// <summary>Inputs of <see cref="PipelineJob"/>; relative paths are resolved against the current folder.</summary>
public sealed record PipelineJobOptions
{
    public const string DefaultNotebooks = "notebooks";
    public const string DefaultInput = "data/samples";

    public string NotebooksDirectory { get; init; } = DefaultNotebooks;

    public IReadOnlyList<string> InputPaths { get; init; } = [DefaultInput];

    public string OutputDirectory { get; init; } = Persona.Core.Pipeline.PipelinePaths.DefaultRoot;

    public string? AnswersPath { get; init; }

    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan NotebookTimeout { get; init; } = TimeSpan.FromMinutes(10);
}

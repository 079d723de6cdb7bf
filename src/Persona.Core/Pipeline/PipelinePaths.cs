namespace Persona.Core.Pipeline;

/// <summary>
/// Where each stage reads and writes under the pipeline output folder (default <c>data/personas/</c>).
/// Every stage and notebook takes its paths from here so they agree on one layout.
/// </summary>
public sealed record PipelinePaths(string Root)
{
    /// <summary>The default output folder, relative to the working directory.</summary>
    public const string DefaultRoot = "data/personas";

    public string Extracted => Path.Combine(Root, "extracted");

    public string AllMessages => Path.Combine(Extracted, "all_messages.parquet");

    public string SelfDescription => Path.Combine(Extracted, "self_description.jsonl");

    public string ImportReport => Path.Combine(Extracted, "import_report.json");

    public string CategorizedMessages => Path.Combine(Extracted, "categorized_messages.parquet");

    public string Clusters => Path.Combine(Root, "clusters");

    public string ClusterAnalysis => Path.Combine(Clusters, "cluster_analysis.json");

    public string ClusterAssignments => Path.Combine(Clusters, "assignments.parquet");

    public string Prompts => Path.Combine(Root, "prompts");

    public string GeneratedPrompts => Path.Combine(Prompts, "generated_prompts.json");

    public string LoraTraining => Path.Combine(Root, "lora_training");

    public string Reports => Path.Combine(Root, "reports");

    public string Notebooks => Path.Combine(Root, "notebooks");

    public static PipelinePaths Default { get; } = new(DefaultRoot);
}

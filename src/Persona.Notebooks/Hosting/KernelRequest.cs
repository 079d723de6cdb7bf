namespace Persona.Notebooks.Hosting;

/// <summary>What the runner asks a child process to execute; sent as one JSON line on the child's stdin.</summary>
internal sealed record KernelRequest(
    string NotebookPath,
    string OutputPath,
    IReadOnlyList<KernelParameter> Parameters,
    string? AnswersPath,
    bool AllowErrors);

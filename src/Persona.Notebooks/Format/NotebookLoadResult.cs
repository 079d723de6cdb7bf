namespace Persona.Notebooks.Format;

/// <summary>A parsed notebook, or the diagnostic that says why the file is not one.</summary>
internal sealed record NotebookLoadResult(NotebookDocument? Document, NotebookDiagnostic? Diagnostic)
{
    public static NotebookLoadResult Ok(NotebookDocument document) => new(document, null);

    public static NotebookLoadResult Fail(NotebookDiagnostic diagnostic) => new(null, diagnostic);
}

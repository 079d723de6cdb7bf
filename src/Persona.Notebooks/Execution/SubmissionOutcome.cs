namespace Persona.Notebooks.Execution;

/// <summary>
/// The result of one submission: a return value (when the cell ends in an expression), or an error with
/// VS Code's <c>evalue</c> text, a one-line summary and the line in the cell where it happened.
/// </summary>
internal sealed record SubmissionOutcome(bool HasReturnValue, object? ReturnValue, string? ErrorText = null, string? ErrorSummary = null, int? ErrorLine = null)
{
    public bool Failed => ErrorText is not null;

    public static SubmissionOutcome Value(bool hasReturnValue, object? value) => new(hasReturnValue, value);

    public static SubmissionOutcome Error(string text, string summary, int? line) => new(false, null, text, summary, line);
}

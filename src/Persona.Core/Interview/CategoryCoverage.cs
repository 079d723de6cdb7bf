namespace Persona.Core.Interview;

/// <summary>How well one category has been explored so far.</summary>
/// <param name="Category">Category id.</param>
/// <param name="Title">Display title.</param>
/// <param name="Coverage">Sum of the answers' coverage gains, capped at 1.</param>
/// <param name="Target">Coverage at which the category counts as done.</param>
/// <param name="Asked">Questions asked in the category.</param>
/// <param name="Answered">Questions answered (not skipped).</param>
/// <param name="Skipped">Questions skipped.</param>
/// <param name="Declined">True when the person skipped twice: the interviewer stops asking (never presses).</param>
public sealed record CategoryCoverage(string Category, string Title, double Coverage, double Target, int Asked, int Answered, int Skipped, bool Declined)
{
    /// <summary>Reached the target, or declined by the person.</summary>
    public bool IsDone => Declined || Coverage >= Target - 1e-9;
}

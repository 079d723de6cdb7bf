using System.Text.RegularExpressions;

namespace Persona.Core.Library;

/// <summary>
/// Checks names and instructions before anything is written: length limits, no control characters
/// (instructions may hold tabs and line breaks), and no template syntax such as
/// <c>{{USER_PERSONA}}</c> or <c>{{user}}</c> that a later rendering step could expand.
/// </summary>
public static partial class PersonaValidator
{
    public const int MaxNameLength = 80;
    public const int MaxInstructionsLength = 32_000;
    public const int MaxDescriptionLength = 4_000;

    /// <summary>Every problem found, each naming the field; empty when valid.</summary>
    public static IReadOnlyList<string> Check(string? name, string? instructions, string? description)
    {
        var problems = new List<string>();
        CheckText("name", name, MaxNameLength, allowLineBreaks: false, required: true, problems);
        CheckText("instructions", instructions, MaxInstructionsLength, allowLineBreaks: true, required: true, problems);
        CheckText("description", description, MaxDescriptionLength, allowLineBreaks: true, required: false, problems);
        return problems;
    }

    /// <summary>Throws one <see cref="PersonaLibraryException"/> listing every problem.</summary>
    public static void Require(string? name, string? instructions, string? description)
    {
        var problems = Check(name, instructions, description);
        if (problems.Count > 0)
            throw new PersonaLibraryException(PersonaLibraryError.Validation, "Invalid persona: " + string.Join("; ", problems) + ".");
    }

    private static void CheckText(string field, string? value, int maxLength, bool allowLineBreaks, bool required, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                problems.Add($"{field} must not be empty");
            return;
        }

        if (value.Length > maxLength)
            problems.Add($"{field} is {value.Length} characters; the limit is {maxLength}");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var allowed = allowLineBreaks && (c is '\n' or '\r' or '\t');
            if (char.IsControl(c) && !allowed)
            {
                problems.Add($"{field} contains control character U+{(int)c:X4} at index {i}");
                break;
            }
        }

        var match = Placeholder().Match(value);
        if (match.Success)
            problems.Add($"{field} contains template syntax '{match.Value}' at index {match.Index}; placeholders belong in templates, not in persona text");
    }

    [GeneratedRegex(@"\{\{\s*[#/]?[A-Za-z_][^{}]{0,200}\}\}")]
    private static partial Regex Placeholder();
}

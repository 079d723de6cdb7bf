using System.Text.RegularExpressions;

namespace Persona.Core.Library;

/// <summary>
/// The rule every id that becomes a file or folder name must pass (profile ids, persona ids, context
/// ids): letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters,
/// no "..", no trailing dot and no device name reserved on Windows. Such a segment can never name a
/// path outside its parent folder.
/// </summary>
public static partial class SafePathSegment
{
    private const int MaxLength = 64;

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>Null when <paramref name="value"/> is a safe segment, else why not.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "must not be empty";
        if (value.Length > MaxLength)
            return $"must be at most {MaxLength} characters";
        if (Path.IsPathRooted(value) || value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal))
            return "must not contain path separators or be an absolute path";
        if (value.Contains("..", StringComparison.Ordinal))
            return "must not contain '..'";
        if (!Allowed().IsMatch(value))
            return "may contain only letters, digits, '.', '_' and '-', starting with a letter or digit";
        if (value.EndsWith('.'))
            return "must not end with '.'";
        var stem = value.Split('.')[0];
        if (ReservedNames.Contains(stem))
            return $"'{stem}' is a reserved device name";
        return null;
    }

    /// <summary>Throws a <see cref="PersonaLibraryException"/> naming <paramref name="what"/> when the value is unsafe.</summary>
    public static string Require(string? value, string what)
    {
        var problem = Problem(value);
        if (problem is not null)
            throw new PersonaLibraryException(PersonaLibraryError.Validation, $"{what} '{value}' {problem}.");
        return value!;
    }

    /// <summary>A safe segment derived from free text (e.g. a persona name): lower-case words joined by '-'.</summary>
    public static string Slug(string text, string fallback)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = NotAllowed().Replace(text.ToLowerInvariant(), "-").Trim('-', '.');
        if (slug.Length > 48)
            slug = slug[..48].TrimEnd('-', '.');
        return Problem(slug) is null ? slug : fallback;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Allowed();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAllowed();
}

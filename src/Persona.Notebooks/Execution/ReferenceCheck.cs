using System.Text.RegularExpressions;
using Persona.Notebooks.Format;

namespace Persona.Notebooks.Execution;

/// <summary>
/// Finds <c>#r "path.dll"</c> file references that do not exist before anything runs, so a missing
/// library build is reported precisely (notebook, cell, path and how to build it) instead of as CS0006.
/// </summary>
internal static partial class ReferenceCheck
{
    public static IEnumerable<NotebookDiagnostic> FindMissing(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        for (var i = 0; i < notebook.CellCount; i++)
        {
            var cell = notebook[i];
            if (cell.Kind != CellKind.Code)
                continue;
            var lines = cell.Source.Split('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                var match = FileReference().Match(lines[l]);
                if (!match.Success)
                    continue;
                var reference = match.Groups["path"].Value;
                var full = Path.GetFullPath(Path.Combine(folder, reference));
                if (!File.Exists(full))
                {
                    yield return new NotebookDiagnostic(notebook.Path,
                        $"#r \"{reference}\" not found (looked for {full}). "
                        + (reference.Contains("artifacts/nblib", StringComparison.Ordinal)
                            ? "Build the library first: dotnet build src/Persona.Core -c Release (every build of Persona.Core, or of the CLI, places it in artifacts/nblib/)."
                            : "Build or copy that file, or fix the path (it is relative to the notebook's folder)."),
                        i, l + 1);
                }
            }
        }
    }

    [GeneratedRegex("""^\s*#r\s+"(?<path>[^"]+\.dll)"\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex FileReference();
}

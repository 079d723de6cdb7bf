using System.Text.Json;

namespace Persona.Cli.Tests.Commands;

/// <summary>Writes minimal C# notebooks (code cells, optional tags) for CLI tests.</summary>
internal static class NotebookFiles
{
    public static string Write(string path, params (string Source, string? Tag)[] cells)
    {
        var json = new
        {
            cells = cells.Select(c => new Dictionary<string, object?>
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = c.Tag is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["tags"] = new[] { c.Tag } },
                ["outputs"] = Array.Empty<object>(),
                ["source"] = c.Source,
            }),
            metadata = new { kernelspec = new { display_name = ".NET (C#)", language = "C#", name = ".net-csharp" } },
            nbformat = 4,
            nbformat_minor = 2,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(json));
        return path;
    }

    public static (string, string?) Cell(string source, string? tag = null) => (source, tag);
}

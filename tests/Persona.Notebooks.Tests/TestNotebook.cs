using System.Text.Json.Nodes;
using Persona.Notebooks.Format;

namespace Persona.Notebooks.Tests;

/// <summary>Builds small notebooks in the shape VS Code saves them.</summary>
internal static class TestNotebook
{
    public static JsonObject Code(string source, params string[] tags)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        };
        if (tags.Length > 0)
            metadata["tags"] = new JsonArray([.. tags.Select(t => (JsonNode?)JsonValue.Create(t))]);
        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = MultilineText.Split(source),
        };
    }

    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject(),
        ["source"] = MultilineText.Split(source),
    };

    public static string Json(params JsonObject[] cells)
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(cells),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
                    },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 2,
        };
        return NotebookJsonWriter.Serialize(root, " ");
    }

    public static string Write(string path, params JsonObject[] cells)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Json(cells));
        return path;
    }

    public static JsonObject Load(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;

    public static JsonArray Outputs(JsonObject notebook, int cell) => (JsonArray)notebook["cells"]![cell]!["outputs"]!;

    /// <summary>The joined text of one MIME type in a display output, or of a stream output.</summary>
    public static string Text(JsonNode output, string? mime = null) =>
        MultilineText.Join(mime is null ? output["text"] : output["data"]![mime]);
}

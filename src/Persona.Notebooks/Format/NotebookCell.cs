using System.Text.Json.Nodes;

namespace Persona.Notebooks.Format;

/// <summary>A view over one cell's JSON object; writes go straight into the notebook tree.</summary>
internal readonly struct NotebookCell(JsonObject json)
{
    public JsonObject Json { get; } = json;

    public CellKind Kind => (string?)Json["cell_type"] switch
    {
        "code" => CellKind.Code,
        "markdown" => CellKind.Markdown,
        _ => CellKind.Raw,
    };

    public string Source => MultilineText.Join(Json["source"]);

    public IReadOnlyList<string> Tags =>
        Json["metadata"]?["tags"] is JsonArray tags
            ? tags.OfType<JsonValue>().Select(t => t.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>The cell's kernel from its metadata (<c>polyglot_notebook.kernelName</c> wins over the legacy <c>dotnet_interactive.language</c>), or null.</summary>
    public string? KernelName
    {
        get
        {
            var metadata = Json["metadata"];
            if (metadata?["polyglot_notebook"]?["kernelName"] is JsonValue k && k.TryGetValue<string>(out var kernel))
                return kernel;
            if (metadata?["dotnet_interactive"]?["language"] is JsonValue l && l.TryGetValue<string>(out var language))
                return language;
            return null;
        }
    }

    public void ClearOutputs()
    {
        Json["outputs"] = new JsonArray();
        Json["execution_count"] = null;
    }

    public void SetOutputs(JsonArray outputs, int? executionCount)
    {
        Json["outputs"] = outputs;
        Json["execution_count"] = executionCount;
    }

    public void AddOutput(JsonObject output)
    {
        if (Json["outputs"] is not JsonArray outputs)
            Json["outputs"] = outputs = new JsonArray();
        outputs.Add(output);
    }
}

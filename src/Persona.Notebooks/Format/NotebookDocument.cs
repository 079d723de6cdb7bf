using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Persona.Notebooks.Format;

/// <summary>
/// An nbformat-4 notebook held as its JSON tree, so everything the runner does not touch (notebook and
/// cell metadata, attachments, unknown keys) is written back exactly as read.
/// </summary>
internal sealed class NotebookDocument
{
    private static readonly JsonDocumentOptions ParseOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    private NotebookDocument(string path, JsonObject root, JsonArray cells, string indent)
    {
        Path = path;
        Root = root;
        CellArray = cells;
        Indent = indent;
    }

    public string Path { get; }

    public JsonObject Root { get; }

    /// <summary>The indent the file was written with (VS Code keeps it); one space when undetectable.</summary>
    public string Indent { get; }

    private JsonArray CellArray { get; }

    public int CellCount => CellArray.Count;

    public NotebookCell this[int index] => new((JsonObject)CellArray[index]!);

    public IEnumerable<NotebookCell> Cells => CellArray.Select(c => new NotebookCell((JsonObject)c!));

    /// <summary>The kernel the notebook's cells default to (<c>polyglot_notebook.kernelInfo.defaultKernelName</c>, else from <c>kernelspec.name</c>).</summary>
    public string DefaultKernel
    {
        get
        {
            var metadata = Root["metadata"] as JsonObject;
            if (metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is JsonValue v && v.TryGetValue<string>(out var name))
                return name;
            if (metadata?["kernelspec"]?["name"] is JsonValue spec && spec.TryGetValue<string>(out var specName) && specName.StartsWith(".net-", StringComparison.Ordinal))
                return specName[".net-".Length..];
            return "csharp";
        }
    }

    public static NotebookLoadResult Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: ParseOptions);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            return NotebookLoadResult.Fail(new NotebookDiagnostic(path, "not valid JSON: " + FirstSentence(ex.Message), Line: line));
        }

        if (root is not JsonObject obj)
            return NotebookLoadResult.Fail(new NotebookDiagnostic(path, "not a notebook: the top level is not a JSON object"));
        if (obj["nbformat"] is not JsonValue format || !format.TryGetValue<int>(out var major) || major != 4)
            return NotebookLoadResult.Fail(new NotebookDiagnostic(path, "not an nbformat 4 notebook (\"nbformat\" must be 4)"));
        if (obj["cells"] is not JsonArray cells)
            return NotebookLoadResult.Fail(new NotebookDiagnostic(path, "not a notebook: \"cells\" is missing or not an array"));
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell)
                return NotebookLoadResult.Fail(new NotebookDiagnostic(path, "cell is not a JSON object", i));
            var type = cell["cell_type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
            if (type is not ("code" or "markdown" or "raw"))
                return NotebookLoadResult.Fail(new NotebookDiagnostic(path, $"unknown cell_type '{type ?? "(missing)"}'", i));
        }

        return NotebookLoadResult.Ok(new NotebookDocument(path, obj, cells, DetectIndent(text)));
    }

    public static async Task<NotebookLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return NotebookLoadResult.Fail(new NotebookDiagnostic(path, "cannot read: " + ex.Message));
        }

        return Parse(path, text);
    }

    public NotebookDocument Clone(string path)
    {
        var root = (JsonObject)Root.DeepClone();
        return new NotebookDocument(path, root, (JsonArray)root["cells"]!, Indent);
    }

    public void InsertCell(int index, JsonObject cell) => CellArray.Insert(index, cell);

    public void RemoveCell(int index) => CellArray.RemoveAt(index);

    public string ToJson() => NotebookJsonWriter.Serialize(Root, Indent);

    private static string DetectIndent(string text)
    {
        // The first indented line after the opening brace shows the file's unit of indentation.
        var newline = text.IndexOf('\n');
        if (newline < 0 || newline + 1 >= text.Length)
            return " ";
        var start = newline + 1;
        var end = start;
        while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
            end++;
        return end > start ? text[start..end] : " ";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

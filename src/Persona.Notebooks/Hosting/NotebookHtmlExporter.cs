using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Persona.Core.Storage;
using Persona.Notebooks.Format;

namespace Persona.Notebooks.Hosting;

/// <summary>
/// Writes an executed notebook as one static HTML page (<c>&lt;name&gt;.html</c>) for reading without
/// VS Code: markdown and code as text, <c>text/html</c> outputs verbatim, other outputs preformatted.
/// </summary>
internal static class NotebookHtmlExporter
{
    public static async Task<string?> ExportAsync(string executedNotebook, string directory, CancellationToken cancellationToken = default)
    {
        var loaded = await NotebookDocument.LoadAsync(executedNotebook, cancellationToken).ConfigureAwait(false);
        if (loaded.Document is null)
            return null;
        var path = Path.Combine(directory, Path.GetFileNameWithoutExtension(executedNotebook) + ".html");
        await AtomicFile.WriteAllTextAsync(path, Render(loaded.Document), cancellationToken).ConfigureAwait(false);
        return path;
    }

    public static string Render(NotebookDocument notebook)
    {
        var title = WebUtility.HtmlEncode(Path.GetFileNameWithoutExtension(notebook.Path));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}")
            .Append("pre{background:#f6f8fa;padding:.6em;overflow:auto}.md pre{background:none;white-space:pre-wrap;font-family:inherit}")
            .Append(".err pre{background:#fdecea;color:#8a1c1c}.count{color:#888;font-size:.8em}</style></head><body>\n")
            .Append("<h1>").Append(title).Append("</h1>\n");
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    html.Append("<div class=\"md\"><pre>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</pre></div>\n");
                    break;
                case CellKind.Code:
                    var count = cell.Json["execution_count"]?.ToJsonString() ?? " ";
                    html.Append("<div class=\"code\"><div class=\"count\">[").Append(count).Append("]</div><pre><code>")
                        .Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre>\n");
                    if (cell.Json["outputs"] is JsonArray outputs)
                    {
                        foreach (var output in outputs.OfType<JsonObject>())
                            AppendOutput(html, output);
                    }

                    html.Append("</div>\n");
                    break;
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void AppendOutput(StringBuilder html, JsonObject output)
    {
        switch ((string?)output["output_type"])
        {
            case "stream":
                html.Append("<pre>").Append(WebUtility.HtmlEncode(MultilineText.Join(output["text"]))).Append("</pre>\n");
                break;
            case "error":
                html.Append("<div class=\"err\"><pre>").Append(WebUtility.HtmlEncode(string.Join("\n", output["traceback"]?.AsArray().Select(t => (string?)t) ?? [])))
                    .Append("</pre></div>\n");
                break;
            default:
                if (output["data"] is not JsonObject data)
                    break;
                if (data["text/html"] is { } rich)
                    html.Append("<div>").Append(MultilineText.Join(rich)).Append("</div>\n");
                else if (data["text/plain"] is { } plain)
                    html.Append("<pre>").Append(WebUtility.HtmlEncode(MultilineText.Join(plain))).Append("</pre>\n");
                break;
        }
    }
}

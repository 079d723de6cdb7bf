using System.Text;
using System.Text.Json;
using Persona.Core.Display;

namespace Persona.Core.Plotting;

/// <summary>
/// The HTML that draws a figure. The fragment is a div plus a script: when <c>window.Plotly</c> exists
/// (a <see cref="FigureReport"/> page, or a notebook where another figure already loaded it) it draws at
/// once; otherwise it loads plotly.js of the vendored version from the Plotly CDN, through require.js
/// when the page has it (Jupyter) or a single shared script tag (VS Code).
/// </summary>
internal static class PlotlyHtml
{
    public static string Fragment(Figure figure, string elementId)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentException.ThrowIfNullOrEmpty(elementId);
        var data = ScriptSafe(JsonSerializer.Serialize(figure.Traces, PlotlyJsonContext.Compact.IReadOnlyListTrace));
        var layout = ScriptSafe(JsonSerializer.Serialize(figure.Layout, PlotlyJsonContext.Compact.Layout));
        var id = JsonSerializer.Serialize(elementId);
        var src = JsonSerializer.Serialize(PlotlyJs.CdnUrl);

        var html = new StringBuilder(data.Length + layout.Length + 1024);
        html.Append("<div class=\"persona-figure\"><div id=\"").Append(HtmlText.Encode(elementId)).Append("\"><!-- Plotly figure: ");
        html.Append(HtmlText.Encode(figure.ToPlainText()).Replace("--", "- -", StringComparison.Ordinal)).Append(" --></div>\n");
        html.Append("<script type=\"text/javascript\">\n(function () {\n");
        html.Append("  var data = ").Append(data).Append(";\n");
        html.Append("  var layout = ").Append(layout).Append(";\n");
        html.Append("  var config = {\"responsive\": true, \"displaylogo\": false};\n");
        html.Append("  function draw(P) { P.newPlot(").Append(id).Append(", data, layout, config); }\n");
        html.Append("  if (window.Plotly) { draw(window.Plotly); return; }\n");
        html.Append("  var src = ").Append(src).Append(";\n");
        html.Append("""
              if (typeof requirejs === 'function' && typeof requirejs.config === 'function') {
                requirejs.config({ context: 'persona-plotly', paths: { plotly: src.slice(0, -3) } })(['plotly'], function (P) { draw(P || window.Plotly); });
                return;
              }
              if (!window.personaPlotlyLoading) {
                window.personaPlotlyLoading = new Promise(function (resolve, reject) {
                  var s = document.createElement('script');
                  s.src = src; s.charset = 'utf-8';
                  s.onload = function () { resolve(window.Plotly); };
                  s.onerror = function () { reject(new Error('could not load ' + src)); };
                  document.head.appendChild(s);
                });
              }
              window.personaPlotlyLoading.then(draw);
            })();
            </script></div>
            """);
        return html.ToString();
    }

    /// <summary>
    /// JSON placed inside a script element must not contain <c>&lt;/script</c> or <c>&lt;!--</c>. In JSON
    /// these characters only occur inside strings, where the \u escapes mean the same characters.
    /// </summary>
    public static string ScriptSafe(string json) => json
        .Replace("<", "\\u003c", StringComparison.Ordinal)
        .Replace(">", "\\u003e", StringComparison.Ordinal)
        .Replace("&", "\\u0026", StringComparison.Ordinal)
        .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
        .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
}

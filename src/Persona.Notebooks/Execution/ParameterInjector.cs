using System.Text;
using System.Text.Json.Nodes;
using Persona.Notebooks.Format;

namespace Persona.Notebooks.Execution;

/// <summary>
/// Papermill's parameter injection: a code cell tagged <c>injected-parameters</c> holding
/// <c>var name = value;</c> lines goes right after the first cell tagged <c>parameters</c> (replacing an
/// earlier injected cell; at the top when no cell is tagged). C# scripts allow re-declaring a
/// variable, so the injected values shadow the defaults.
/// </summary>
internal static class ParameterInjector
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>Injects the parameters; returns the index of the injected cell, or null when there were none.</summary>
    public static int? Inject(NotebookDocument notebook, IReadOnlyList<ParameterValue> parameters)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
            return null;

        for (var i = notebook.CellCount - 1; i >= 0; i--)
        {
            if (notebook[i].HasTag(InjectedTag))
                notebook.RemoveCell(i);
        }

        var parametersIndex = -1;
        for (var i = 0; i < notebook.CellCount; i++)
        {
            if (notebook[i].HasTag(ParametersTag))
            {
                parametersIndex = i;
                break;
            }
        }

        var source = new StringBuilder("// Parameters\n");
        foreach (var parameter in parameters)
            source.Append($"var {parameter.Name} = {parameter.CSharp};\n");

        var metadata = new JsonObject();
        if (parametersIndex >= 0 && notebook[parametersIndex].Json["metadata"] is JsonObject template)
        {
            foreach (var key in new[] { "dotnet_interactive", "polyglot_notebook", "vscode" })
            {
                if (template[key] is { } value)
                    metadata[key] = value.DeepClone();
            }
        }

        metadata["tags"] = new JsonArray(InjectedTag);
        var cell = new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = MultilineText.Split(source.ToString().TrimEnd('\n')),
        };
        if (notebook.Root["nbformat_minor"] is JsonValue minor && minor.TryGetValue<int>(out var m) && m >= 5)
            cell["id"] = InjectedTag; // nbformat 4.5 requires an id on every cell
        var index = parametersIndex + 1;
        notebook.InsertCell(index, cell);
        return index;
    }
}

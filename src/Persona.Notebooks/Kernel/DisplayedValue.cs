using Persona.Notebooks.Execution;
using Persona.Notebooks.Format;

#pragma warning disable IDE0130 // The namespace is the one .NET Interactive notebooks import; the shim must match it.
namespace Microsoft.DotNet.Interactive;

/// <summary>A displayed output that <see cref="Update"/> replaces in place, as in VS Code.</summary>
public sealed class DisplayedValue
{
    private readonly CellOutputSink _sink;
    private readonly int _index;
    private readonly string[] _mimeTypes;

    private DisplayedValue(CellOutputSink sink, int index, string[] mimeTypes)
    {
        _sink = sink;
        _index = index;
        _mimeTypes = mimeTypes;
    }

    public void Update(object? updatedValue) =>
        _sink.ReplaceDisplay(_index, NotebookOutputs.DisplayData(ValueFormatter.Format(updatedValue, _mimeTypes)));

    internal static DisplayedValue Show(object? value, string[] mimeTypes)
    {
        var sink = ExecutionSession.Require().Sink;
        var index = sink.AddDisplay(NotebookOutputs.DisplayData(ValueFormatter.Format(value, mimeTypes)));
        return new DisplayedValue(sink, index, mimeTypes);
    }
}

using System.Text;
using System.Text.Json.Nodes;
using Persona.Notebooks.Format;

namespace Persona.Notebooks.Execution;

/// <summary>
/// Collects one cell's outputs in the order they happen: console writes coalesce into the current
/// <c>stream</c> output of the same name, displays append <c>display_data</c> outputs.
/// Thread-safe: user code may write from other threads.
/// </summary>
internal sealed class CellOutputSink
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly TextWriter? _echo;

    /// <param name="echo">Where console text is also copied as it happens (the runner's log), or null.</param>
    public CellOutputSink(TextWriter? echo = null)
    {
        _echo = echo;
    }

    public void WriteStream(string name, string text)
    {
        if (text.Length == 0)
            return;
        lock (_gate)
        {
            if (_entries.Count > 0 && _entries[^1] is { Stream: { } last } && last.Name == name)
                last.Text.Append(text);
            else
                _entries.Add(new Entry(new StreamEntry(name, new StringBuilder(text)), null));
        }

        _echo?.Write(text);
    }

    /// <summary>Appends a display; the returned index lets <see cref="ReplaceDisplay"/> update it later.</summary>
    public int AddDisplay(JsonObject output)
    {
        lock (_gate)
        {
            _entries.Add(new Entry(null, output));
            return _entries.Count - 1;
        }
    }

    public void ReplaceDisplay(int index, JsonObject output)
    {
        lock (_gate)
        {
            if (index >= 0 && index < _entries.Count && _entries[index].Display is not null)
                _entries[index] = new Entry(null, output);
        }
    }

    public JsonArray ToOutputs()
    {
        lock (_gate)
        {
            var outputs = new JsonArray();
            foreach (var entry in _entries)
            {
                outputs.Add(entry.Stream is { } stream
                    ? NotebookOutputs.Stream(stream.Name, stream.Text.ToString())
                    : entry.Display!.DeepClone());
            }

            return outputs;
        }
    }

    private sealed record StreamEntry(string Name, StringBuilder Text);

    private sealed record Entry(StreamEntry? Stream, JsonObject? Display);
}

using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>A title object (<c>{"text": …}</c>), the shape plotly.js 3+ requires for layout and axis titles.</summary>
public sealed record PlotTitle([property: JsonPropertyName("text")] string Text)
{
    public static implicit operator PlotTitle(string text) => new(text);
}

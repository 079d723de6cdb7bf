namespace Persona.Core.Display;

/// <summary>
/// The formatter source named by <see cref="TypeFormatterSourceAttribute"/> on every displayable type.
/// The .NET Interactive formatter calls it by reflection (public parameterless constructor, public
/// <see cref="CreateTypeFormatters"/>), so its members are public although the type is internal.
/// </summary>
internal sealed class HtmlDisplayFormatterSource
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called by reflection on an instance.")]
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new HtmlDisplayFormatter(DisplayMimeTypes.Html),
        new HtmlDisplayFormatter(DisplayMimeTypes.PlainText),
    ];
}

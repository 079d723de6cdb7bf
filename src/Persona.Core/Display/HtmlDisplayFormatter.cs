namespace Persona.Core.Display;

/// <summary>
/// One convention-matched formatter: the .NET Interactive formatter reads <see cref="MimeType"/> and calls
/// <see cref="Format"/>. It deliberately has no <c>Type</c> property, so the kernel registers it for the
/// exact type that carries the attribute (the most specific match, ahead of its sequence formatters).
/// </summary>
internal sealed class HtmlDisplayFormatter(string mimeType)
{
    public string MimeType { get; } = mimeType;

    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not IHtmlDisplayable displayable)
            return false;

        writer.Write(MimeType == DisplayMimeTypes.Html ? displayable.ToHtml() : displayable.ToPlainText());
        return true;
    }
}

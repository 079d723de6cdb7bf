namespace Persona.Core.Display;

/// <summary>
/// A value that renders itself for people: as an HTML fragment (notebooks, reports) and as plain text
/// (terminals, transcripts, viewers that strip HTML).
/// </summary>
/// <remarks>
/// This is the library's display convention. Types that implement it also carry the library-internal
/// <see cref="TypeFormatterSourceAttribute"/>, which the .NET Interactive formatter matches by name, so
/// Polyglot Notebooks shows them as HTML without the library referencing .NET Interactive. A headless
/// notebook runner (or any other host) calls the two methods directly. <see cref="ToHtml"/> returns a
/// self-contained fragment (no <c>&lt;html&gt;</c>/<c>&lt;head&gt;</c>), safe to insert into a page:
/// every piece of data in it is HTML-escaped. Calling either method has no side effects.
/// </remarks>
public interface IHtmlDisplayable
{
    /// <summary>An HTML fragment for the <c>text/html</c> MIME type.</summary>
    string ToHtml();

    /// <summary>A plain-text rendering for the <c>text/plain</c> MIME type.</summary>
    string ToPlainText();
}

using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.DotNet.Interactive;

namespace Persona.Notebooks.Execution;

/// <summary>
/// Turns a displayed value into a MIME bundle without any .NET Interactive package, honouring the same
/// contracts the library uses for VS Code:
/// <list type="number">
/// <item>a convention-matched formatter source — an attribute whose type is named
/// <c>TypeFormatterSourceAttribute</c> with <c>FormatterSourceType</c> (and optional <c>PreferredMimeTypes</c>);
/// the source's <c>CreateTypeFormatters()</c> yields objects with <c>MimeType</c> and <c>bool Format(object, TextWriter)</c>;</item>
/// <item>a public <c>string ToHtml()</c> (on the type or an interface it implements, e.g. <c>IHtmlDisplayable</c>),
/// with <c>ToPlainText()</c> for <c>text/plain</c> when present;</item>
/// <item>sequences → an index/value HTML table plus one plain line per item (first 20);</item>
/// <item>anything else → <c>text/plain</c> of <c>ToString()</c>; null → <c>&lt;null&gt;</c>.</item>
/// </list>
/// </summary>
internal static class ValueFormatter
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    private const int ListLimit = 20;

    private static readonly ConcurrentDictionary<Type, ConventionFormatters?> ConventionCache = new();

    public static IReadOnlyList<KeyValuePair<string, string>> Format(object? value, IReadOnlyList<string>? mimeTypes = null)
    {
        var bundle = FormatAll(value);
        if (mimeTypes is null || mimeTypes.Count == 0)
            return bundle;

        var chosen = new List<KeyValuePair<string, string>>();
        foreach (var mime in mimeTypes)
        {
            var match = bundle.FirstOrDefault(p => p.Key == mime);
            if (match.Key is not null)
                chosen.Add(match);
            else if (mime == Html)
                chosen.Add(new(Html, $"<div class=\"dni-plaintext\"><pre>{WebUtility.HtmlEncode(PlainOf(bundle))}</pre></div>"));
            else if (mime == PlainText)
                chosen.Add(new(PlainText, PlainOf(bundle)));
            else
                throw new InvalidOperationException($"no formatter for MIME type '{mime}' for a value of type {value?.GetType().FullName ?? "null"}");
        }

        return chosen;
    }

    private static List<KeyValuePair<string, string>> FormatAll(object? value)
    {
        switch (value)
        {
            case null:
                return [new(PlainText, "<null>")];
            case RawMimeValue raw:
                return [new(raw.MimeType, raw.Text)];
            case string text:
                return [new(PlainText, text)];
            case HtmlString html:
                return [new(Html, html.ToHtml())];
        }

        var type = value.GetType();
        if (ConventionCache.GetOrAdd(type, ConventionFormatters.Find) is { } convention)
        {
            var bundle = convention.Format(value);
            if (bundle.Count > 0)
                return bundle;
        }

        if (FindMethod(type, "ToHtml") is { } toHtml)
        {
            var html = (string?)toHtml.Invoke(value, null) ?? string.Empty;
            var plain = FindMethod(type, "ToPlainText") is { } toPlain ? (string?)toPlain.Invoke(value, null) : value.ToString();
            return [new(Html, html), new(PlainText, plain ?? string.Empty)];
        }

        if (value is IEnumerable sequence and not IDictionary)
            return FormatSequence(sequence);

        return [new(PlainText, value.ToString() ?? string.Empty)];
    }

    private static List<KeyValuePair<string, string>> FormatSequence(IEnumerable sequence)
    {
        var html = new StringBuilder("<table><thead><tr><th><i>index</i></th><th>value</th></tr></thead><tbody>");
        var plain = new StringBuilder();
        var index = 0;
        var more = false;
        foreach (var item in sequence)
        {
            if (index == ListLimit)
            {
                more = true;
                break;
            }

            var bundle = FormatAll(item);
            var itemPlain = PlainOf(bundle);
            var itemHtml = bundle.FirstOrDefault(p => p.Key == Html).Value ?? WebUtility.HtmlEncode(itemPlain);
            html.Append($"<tr><td>{index}</td><td>{itemHtml}</td></tr>");
            plain.Append(itemPlain).Append('\n');
            index++;
        }

        if (more)
        {
            html.Append("<tr><td colspan=\"2\"><i>... (more)</i></td></tr>");
            plain.Append("...\n");
        }

        html.Append("</tbody></table>");
        return [new(Html, html.ToString()), new(PlainText, plain.ToString().TrimEnd('\n'))];
    }

    private static string PlainOf(List<KeyValuePair<string, string>> bundle) =>
        bundle.FirstOrDefault(p => p.Key == PlainText).Value
        ?? bundle.FirstOrDefault(p => p.Key == Html).Value
        ?? string.Empty;

    private static MethodInfo? FindMethod(Type type, string name)
    {
        var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (method is not null && method.ReturnType == typeof(string))
            return method;
        foreach (var face in type.GetInterfaces())
        {
            method = face.GetMethod(name, Type.EmptyTypes);
            if (method is not null && method.ReturnType == typeof(string))
                return method;
        }

        return null;
    }
}

using System.Collections;
using System.Reflection;

namespace Persona.Notebooks.Execution;

/// <summary>
/// The formatters a type declares through a convention-based <c>TypeFormatterSourceAttribute</c>
/// (matched by the attribute's type name, as .NET Interactive's Formatter does, so the library needs no
/// package reference).
/// </summary>
internal sealed class ConventionFormatters
{
    private const string AttributeName = "TypeFormatterSourceAttribute";
    private readonly List<(string Mime, object Formatter, MethodInfo Format)> _formatters;

    private ConventionFormatters(List<(string Mime, object Formatter, MethodInfo Format)> formatters)
    {
        _formatters = formatters;
    }

    public static ConventionFormatters? Find(Type type)
    {
        var attribute = type.GetCustomAttributes(inherit: true).FirstOrDefault(a => a.GetType().Name == AttributeName)
            ?? type.GetInterfaces().SelectMany(i => i.GetCustomAttributes(inherit: false)).FirstOrDefault(a => a.GetType().Name == AttributeName);
        if (attribute is null)
            return null;

        var attributeType = attribute.GetType();
        if (attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType)
            return null;
        var preferred = attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) as string[];

        var source = Activator.CreateInstance(sourceType, nonPublic: true)
            ?? throw new InvalidOperationException($"cannot create formatter source {sourceType.FullName}");
        var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw new InvalidOperationException($"{sourceType.FullName} has no CreateTypeFormatters() method");

        var all = new List<(string Mime, object Formatter, MethodInfo Format)>();
        foreach (var formatter in (IEnumerable?)create.Invoke(source, null) ?? Array.Empty<object>())
        {
            var formatterType = formatter.GetType();
            var mime = formatterType.GetProperty("MimeType")?.GetValue(formatter) as string;
            var format = formatterType.GetMethod("Format", [typeof(object), typeof(TextWriter)]);
            if (mime is not null && format is not null)
                all.Add((mime, formatter, format));
        }

        if (preferred is { Length: > 0 })
            all = [.. preferred.SelectMany(p => all.Where(f => f.Mime == p).Take(1))];
        return all.Count == 0 ? null : new ConventionFormatters(all);
    }

    public List<KeyValuePair<string, string>> Format(object value)
    {
        var bundle = new List<KeyValuePair<string, string>>();
        foreach (var (mime, formatter, format) in _formatters)
        {
            using var writer = new StringWriter();
            if (format.Invoke(formatter, [value, writer]) is true)
                bundle.Add(new(mime, writer.ToString()));
        }

        return bundle;
    }
}

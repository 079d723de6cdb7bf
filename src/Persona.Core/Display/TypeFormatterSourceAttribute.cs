namespace Persona.Core.Display;

/// <summary>
/// Tells the .NET Interactive formatter (Polyglot Notebooks) how to render a type, without a package
/// reference: the formatter looks for any attribute whose type name is <c>TypeFormatterSourceAttribute</c>,
/// reads the public <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/> properties,
/// creates the source with its public parameterless constructor and calls its public
/// <c>CreateTypeFormatters()</c>. The name and the public property names are the contract; do not rename them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        ArgumentNullException.ThrowIfNull(formatterSourceType);
        FormatterSourceType = formatterSourceType;
    }

    public Type FormatterSourceType { get; }

    /// <summary>MIME types the kernel emits for a returned or displayed value, in order.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}

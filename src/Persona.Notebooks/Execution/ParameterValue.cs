using System.Globalization;

namespace Persona.Notebooks.Execution;

/// <summary>
/// A notebook parameter typed from its literal the way papermill's C# translator writes it:
/// integers (with <c>L</c> beyond Int32), doubles, <c>true</c>/<c>false</c>, string arrays, else strings.
/// </summary>
public sealed record ParameterValue
{
    private ParameterValue(string name, string csharp, string text)
    {
        Name = name;
        CSharp = csharp;
        Text = text;
    }

    public string Name { get; }

    /// <summary>The C# expression assigned to the variable.</summary>
    public string CSharp { get; }

    /// <summary>The value as typed (answers fall back to parameters by name).</summary>
    public string Text { get; }

    /// <summary>Types a <c>name=value</c> literal. Quoted values (<c>"42"</c>) stay strings.</summary>
    public static ParameterValue FromLiteral(string name, string literal)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(literal);
        if (literal.Length >= 2 && literal[0] == '"' && literal[^1] == '"')
        {
            var inner = literal[1..^1];
            return new(name, CSharpLiteral.String(inner), inner);
        }

        if (literal is "true" or "false")
            return new(name, literal, literal);
        if (long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return new(name, integer is >= int.MinValue and <= int.MaxValue ? integer.ToString(CultureInfo.InvariantCulture) : integer.ToString(CultureInfo.InvariantCulture) + "L", literal);
        if (double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            var text = real.ToString("R", CultureInfo.InvariantCulture);
            return new(name, text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0", literal);
        }

        return new(name, CSharpLiteral.String(literal), literal);
    }

    public static ParameterValue FromString(string name, string value)
    {
        ValidateName(name);
        return new(name, CSharpLiteral.String(value), value);
    }

    public static ParameterValue FromStrings(string name, IEnumerable<string> values)
    {
        ValidateName(name);
        var list = values.ToList();
        return new(name, "new string[] { " + string.Join(", ", list.Select(CSharpLiteral.String)) + " }", string.Join(";", list));
    }

    internal static ParameterValue FromKernel(string name, string csharp, string text)
    {
        ValidateName(name);
        return new(name, csharp, text);
    }

    /// <summary>Parses <c>name=value</c> as given to <c>-p</c>.</summary>
    public static ParameterValue Parse(string assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            throw new ArgumentException($"parameter '{assignment}' must look like name=value", nameof(assignment));
        return FromLiteral(assignment[..equals].Trim(), assignment[(equals + 1)..]);
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var ok = (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
        if (!ok)
            throw new ArgumentException($"parameter name '{name}' is not a C# identifier", nameof(name));
    }
}

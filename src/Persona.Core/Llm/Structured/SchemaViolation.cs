namespace Persona.Core.Llm.Structured;

/// <summary>One way a JSON value fails its schema, at a JSON path such as <c>$.examples[2].text</c>.</summary>
public sealed record SchemaViolation(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

using System.Globalization;
using System.Text.Json;

namespace Persona.Core.Llm.Structured;

/// <summary>
/// Checks a JSON value against the subset of JSON Schema our requests use: <c>type</c> (one or a list),
/// <c>properties</c>, <c>required</c>, <c>additionalProperties: false</c>, <c>items</c>, <c>enum</c>,
/// <c>minItems</c>/<c>maxItems</c>, <c>minLength</c>/<c>maxLength</c>, <c>minimum</c>/<c>maximum</c>.
/// Keywords outside the subset are ignored (never rejected), so a schema may carry descriptions.
/// </summary>
public static class JsonSchemaValidator
{
    public static IReadOnlyList<SchemaViolation> Validate(JsonElement schema, JsonElement value)
    {
        var violations = new List<SchemaViolation>();
        Check(schema, value, "$", violations);
        return violations;
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<SchemaViolation> violations)
    {
        if (schema.ValueKind != JsonValueKind.Object)
            return;
        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            violations.Add(new SchemaViolation(path, $"expected {TypeText(type)}, found {Describe(value)}"));
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array
            && !allowed.EnumerateArray().Any(candidate => JsonElement.DeepEquals(candidate, value)))
        {
            violations.Add(new SchemaViolation(path, $"value {Truncate(value.GetRawText())} is not one of {allowed.GetRawText()}"));
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(schema, value, path, violations);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value, path, violations);
                break;
            case JsonValueKind.String:
                var length = value.GetString()!.EnumerateRunes().Count();
                if (Number(schema, "minLength") is { } minLength && length < minLength)
                    violations.Add(new SchemaViolation(path, $"string of {length} characters is shorter than {minLength}"));
                if (Number(schema, "maxLength") is { } maxLength && length > maxLength)
                    violations.Add(new SchemaViolation(path, $"string of {length} characters is longer than {maxLength}"));
                break;
            case JsonValueKind.Number:
                var number = value.GetDouble();
                if (Number(schema, "minimum") is { } minimum && number < minimum)
                    violations.Add(new SchemaViolation(path, $"{number.ToString(CultureInfo.InvariantCulture)} is below the minimum {minimum.ToString(CultureInfo.InvariantCulture)}"));
                if (Number(schema, "maximum") is { } maximum && number > maximum)
                    violations.Add(new SchemaViolation(path, $"{number.ToString(CultureInfo.InvariantCulture)} is above the maximum {maximum.ToString(CultureInfo.InvariantCulture)}"));
                break;
        }
    }

    private static void CheckObject(JsonElement schema, JsonElement value, string path, List<SchemaViolation> violations)
    {
        var properties = schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object ? props : default;
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(item => item.GetString()).OfType<string>())
            {
                if (!value.TryGetProperty(name, out _))
                    violations.Add(new SchemaViolation(path, $"missing required property '{name}'"));
            }
        }

        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var property in value.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var childSchema))
                Check(childSchema, property.Value, childPath, violations);
            else if (closed)
                violations.Add(new SchemaViolation(childPath, "property not allowed by the schema"));
        }
    }

    private static void CheckArray(JsonElement schema, JsonElement value, string path, List<SchemaViolation> violations)
    {
        var count = value.GetArrayLength();
        if (Number(schema, "minItems") is { } minItems && count < minItems)
            violations.Add(new SchemaViolation(path, $"{count} items, fewer than {minItems}"));
        if (Number(schema, "maxItems") is { } maxItems && count > maxItems)
            violations.Add(new SchemaViolation(path, $"{count} items, more than {maxItems}"));
        if (!schema.TryGetProperty("items", out var items))
            return;
        var index = 0;
        foreach (var item in value.EnumerateArray())
            Check(items, item, $"{path}[{index++}]", violations);
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => SingleTypeMatches(type.GetString()!, value),
        JsonValueKind.Array => type.EnumerateArray().Any(item => item.ValueKind == JsonValueKind.String && SingleTypeMatches(item.GetString()!, value)),
        _ => true,
    };

    private static bool SingleTypeMatches(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && Math.Floor(number) == number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string TypeText(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray().Select(item => item.ToString())) : type.ToString();

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Undefined => "nothing",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static double? Number(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var element) && element.ValueKind == JsonValueKind.Number ? element.GetDouble() : null;

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

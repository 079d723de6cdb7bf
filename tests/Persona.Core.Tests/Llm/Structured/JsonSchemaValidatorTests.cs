using System.Text.Json;
using Persona.Core.Llm.Structured;

namespace Persona.Core.Tests.Llm.Structured;

public sealed class JsonSchemaValidatorTests
{
    private static IReadOnlyList<SchemaViolation> Validate(string schema, string value) =>
        JsonSchemaValidator.Validate(JsonDocument.Parse(schema).RootElement, JsonDocument.Parse(value).RootElement);

    [Fact]
    public void Validate_NestedArrayItems_ReportsPathOfEachViolation()
    {
        var violations = Validate(
            """{"type":"object","properties":{"examples":{"type":"array","minItems":1,"items":{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}}}}""",
            """{"examples":[{"id":"a"},{"id":3},{}]}""");

        Assert.Equal(["$.examples[1].id: expected string, found number", "$.examples[2]: missing required property 'id'"], violations.Select(v => v.ToString()));
    }

    [Theory]
    [InlineData("""{"type":"string","enum":["a","b"]}""", "\"c\"", 1)]
    [InlineData("""{"type":"string","enum":["a","b"]}""", "\"a\"", 0)]
    [InlineData("""{"type":["string","null"]}""", "null", 0)]
    [InlineData("""{"type":"integer"}""", "1.5", 1)]
    [InlineData("""{"type":"integer","maximum":3}""", "4", 1)]
    [InlineData("""{"type":"array","maxItems":1}""", "[1,2]", 1)]
    [InlineData("""{"type":"string","maxLength":2}""", "\"abc\"", 1)]
    [InlineData("""{"description":"anything"}""", "{\"x\":1}", 0)]
    public void Validate_Keyword_CountsViolations(string schema, string value, int expected)
    {
        Assert.Equal(expected, Validate(schema, value).Count);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Persona.Core.Llm.Ollama;

// The Ollama native API's request and response bodies (https://github.com/ollama/ollama/blob/main/docs/api.md).
// Wire types of one small protocol, kept together so the JSON context below covers them all.
#pragma warning disable SA1649, SA1402

internal sealed record OllamaChatRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("messages")] IReadOnlyList<OllamaMessage> Messages,
    [property: JsonPropertyName("stream")] bool Stream,
    [property: JsonPropertyName("format")] JsonElement? Format,
    [property: JsonPropertyName("options")] OllamaRequestOptions? Options);

internal sealed record OllamaMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);

internal sealed record OllamaRequestOptions(
    [property: JsonPropertyName("temperature")] float? Temperature,
    [property: JsonPropertyName("top_p")] float? TopP,
    [property: JsonPropertyName("num_predict")] int? NumPredict,
    [property: JsonPropertyName("seed")] long? Seed,
    [property: JsonPropertyName("stop")] IReadOnlyList<string>? Stop);

internal sealed record OllamaChatResponse(
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("message")] OllamaMessage? Message,
    [property: JsonPropertyName("done")] bool Done,
    [property: JsonPropertyName("done_reason")] string? DoneReason,
    [property: JsonPropertyName("prompt_eval_count")] long? PromptEvalCount,
    [property: JsonPropertyName("eval_count")] long? EvalCount,
    [property: JsonPropertyName("error")] string? Error);

internal sealed record OllamaTagsResponse(
    [property: JsonPropertyName("models")] IReadOnlyList<OllamaModelInfo>? Models);

internal sealed record OllamaModelInfo(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("model")] string? Model);

internal sealed record OllamaError(
    [property: JsonPropertyName("error")] string? Error);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OllamaChatRequest))]
[JsonSerializable(typeof(OllamaChatResponse))]
[JsonSerializable(typeof(OllamaTagsResponse))]
[JsonSerializable(typeof(OllamaError))]
internal sealed partial class OllamaJsonContext : JsonSerializerContext;

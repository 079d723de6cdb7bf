using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Persona.Core.Llm.Ollama;

/// <summary>
/// <see cref="IChatClient"/> over Ollama's native API: <c>POST /api/chat</c> (whole answer, or NDJSON
/// chunks when streaming), with the response schema sent as <c>format</c>; <c>GET /api/tags</c> lists models.
/// </summary>
public sealed class OllamaChatClient : IChatClient
{
    public static readonly Uri DefaultEndpoint = new("http://localhost:11434/");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string? _defaultModel;
    private readonly ChatClientMetadata _metadata;

    /// <param name="endpoint">Server base address; null for <see cref="DefaultEndpoint"/>.</param>
    /// <param name="defaultModel">Model used when a request's <see cref="ChatOptions.ModelId"/> is null.</param>
    /// <param name="httpClient">Transport; null creates one owned by this client. Its timeout is disabled: the retry layer times attempts.</param>
    public OllamaChatClient(Uri? endpoint = null, string? defaultModel = null, HttpClient? httpClient = null)
    {
        Endpoint = WithTrailingSlash(endpoint ?? DefaultEndpoint);
        _defaultModel = defaultModel;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _metadata = new ChatClientMetadata("ollama", Endpoint, defaultModel);
    }

    public Uri Endpoint { get; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = CreateRequest(messages, options, stream: false);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync(OllamaJsonContext.Default.OllamaChatResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("Ollama /api/chat returned an empty body");
        if (body.Error is not null)
            throw new InvalidDataException("Ollama /api/chat: " + body.Error);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, body.Message?.Content ?? string.Empty))
        {
            ModelId = body.Model,
            CreatedAt = body.CreatedAt,
            FinishReason = FinishReason(body.DoneReason),
            Usage = Usage(body),
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = CreateRequest(messages, options, stream: true);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream);
            var lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                OllamaChatResponse? chunk;
                try
                {
                    chunk = JsonSerializer.Deserialize(line, OllamaJsonContext.Default.OllamaChatResponse);
                }
                catch (JsonException ex)
                {
                    throw new InvalidDataException($"Ollama /api/chat stream line {lineNumber} is not JSON: {ex.Message}", ex);
                }

                if (chunk is null)
                    continue;
                if (chunk.Error is not null)
                    throw new InvalidDataException($"Ollama /api/chat stream line {lineNumber}: {chunk.Error}");
                var update = new ChatResponseUpdate(ChatRole.Assistant, chunk.Message?.Content ?? string.Empty)
                {
                    ModelId = chunk.Model,
                    CreatedAt = chunk.CreatedAt,
                    FinishReason = chunk.Done ? FinishReason(chunk.DoneReason) : null,
                };
                if (chunk.Done && Usage(chunk) is { } usage)
                    update.Contents.Add(new UsageContent(usage));
                yield return update;
                if (chunk.Done)
                    yield break;
            }
        }
    }

    /// <summary>The models the server has pulled (<c>GET /api/tags</c>).</summary>
    public async Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri(Endpoint, "api/tags"), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "/api/tags", cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync(OllamaJsonContext.Default.OllamaTagsResponse, cancellationToken).ConfigureAwait(false);
        return body?.Models?.Select(model => model.Name ?? model.Model).OfType<string>().ToList() ?? [];
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
            return null;
        if (serviceType == typeof(ChatClientMetadata))
            return _metadata;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }

    internal OllamaChatRequest CreateRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var model = options?.ModelId ?? _defaultModel
            ?? throw new ArgumentException("No model: set ChatOptions.ModelId or the client's default model.", nameof(options));
        var wireMessages = messages.Select(message => new OllamaMessage(message.Role.Value, message.Text)).ToList();
        JsonElement? format = options?.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } => schema,
            ChatResponseFormatJson => JsonSerializer.SerializeToElement("json", OllamaJsonTypes.String),
            _ => null,
        };
        OllamaRequestOptions? requestOptions = null;
        if (options is { Temperature: not null } or { TopP: not null } or { MaxOutputTokens: not null } or { Seed: not null } or { StopSequences.Count: > 0 })
        {
            requestOptions = new OllamaRequestOptions(options.Temperature, options.TopP, options.MaxOutputTokens, options.Seed,
                options.StopSequences is { Count: > 0 } stop ? stop.ToList() : null);
        }

        return new OllamaChatRequest(model, wireMessages, stream, format, requestOptions);
    }

    private async Task<HttpResponseMessage> SendAsync(OllamaChatRequest request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint, "api/chat"))
        {
            Content = JsonContent.Create(request, OllamaJsonContext.Default.OllamaChatRequest),
        };
        var response = await _http.SendAsync(message, completion, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, "/api/chat", cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? error = null;
        try
        {
            error = JsonSerializer.Deserialize(text, OllamaJsonContext.Default.OllamaError)?.Error;
        }
        catch (JsonException)
        {
            // Not an Ollama error body (a proxy's HTML page, say): report the raw text below.
        }

        var detail = error ?? (text.Length > 200 ? text[..200] : text);
        throw new HttpRequestException($"Ollama {path} returned {(int)response.StatusCode} {response.ReasonPhrase}: {detail}", null, response.StatusCode);
    }

    private static ChatFinishReason? FinishReason(string? doneReason) => doneReason switch
    {
        null => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        _ => new ChatFinishReason(doneReason),
    };

    private static UsageDetails? Usage(OllamaChatResponse body) =>
        body.PromptEvalCount is null && body.EvalCount is null
            ? null
            : new UsageDetails
            {
                InputTokenCount = body.PromptEvalCount,
                OutputTokenCount = body.EvalCount,
                TotalTokenCount = (body.PromptEvalCount ?? 0) + (body.EvalCount ?? 0),
            };

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

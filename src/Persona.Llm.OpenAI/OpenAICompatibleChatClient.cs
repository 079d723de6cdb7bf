using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using AIFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace Persona.Llm.OpenAI;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI .NET SDK's chat completions, for any OpenAI-compatible
/// <c>/v1</c> endpoint. The SDK's own retries are off: <c>RetryingChatClient</c> times and repeats attempts.
/// SDK failures surface as <see cref="HttpRequestException"/> with the status code, as for every client here.
/// </summary>
public sealed class OpenAICompatibleChatClient : IChatClient
{
    public static readonly Uri DefaultEndpoint = new("https://api.openai.com/v1");

    private readonly ChatClient _client;
    private readonly ChatClientMetadata _metadata;

    /// <param name="model">Model id on the server.</param>
    /// <param name="endpoint">Base address including <c>/v1</c>; null for OpenAI.</param>
    /// <param name="apiKey">The key; local servers that need none accept any placeholder.</param>
    /// <param name="httpClient">Transport (tests replay recorded exchanges through it); null uses the SDK's.</param>
    public OpenAICompatibleChatClient(string model, Uri? endpoint = null, string? apiKey = null, HttpClient? httpClient = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        Endpoint = endpoint ?? DefaultEndpoint;
        _client = new ChatClient(model, new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "no-key" : apiKey), ClientOptions(Endpoint, httpClient));
        _metadata = new ChatClientMetadata("openai-compatible", Endpoint, model);
    }

    public Uri Endpoint { get; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ChatCompletion completion;
        try
        {
            completion = (await _client.CompleteChatAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (ClientResultException ex)
        {
            throw Translate(ex);
        }

        return new ChatResponse(new AIChatMessage(AIChatRole.Assistant, string.Concat(completion.Content.Select(part => part.Text))))
        {
            ModelId = completion.Model,
            ResponseId = completion.Id,
            CreatedAt = completion.CreatedAt,
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = completion.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var updates = _client.CompleteChatStreamingAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        yield break;
                }
                catch (ClientResultException ex)
                {
                    throw Translate(ex);
                }

                var chunk = updates.Current;
                var update = new ChatResponseUpdate(AIChatRole.Assistant, string.Concat(chunk.ContentUpdate.Select(part => part.Text)))
                {
                    ModelId = chunk.Model,
                    ResponseId = chunk.CompletionId,
                    CreatedAt = chunk.CreatedAt,
                    FinishReason = chunk.FinishReason is { } reason ? ToFinishReason(reason) : null,
                };
                if (chunk.Usage is { } usage)
                    update.Contents.Add(new UsageContent(new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }));
                yield return update;
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
            return null;
        if (serviceType == typeof(ChatClientMetadata))
            return _metadata;
        if (serviceType == typeof(ChatClient))
            return _client;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // The SDK client holds no disposable state of its own; a passed HttpClient belongs to the caller.
    }

    internal static OpenAIClientOptions ClientOptions(Uri endpoint, HttpClient? httpClient)
    {
        var options = new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(maxRetries: 0), NetworkTimeout = Timeout.InfiniteTimeSpan };
        if (httpClient is not null)
            options.Transport = new HttpClientPipelineTransport(httpClient);
        return options;
    }

    internal static HttpRequestException Translate(ClientResultException exception) =>
        new($"OpenAI-compatible server: {exception.Message}", exception, exception.Status == 0 ? null : (HttpStatusCode)exception.Status);

    private static List<OpenAIChatMessage> ToOpenAI(IEnumerable<AIChatMessage> messages)
    {
        var result = new List<OpenAIChatMessage>();
        foreach (var message in messages)
        {
            var text = message.Text;
            if (message.Role == AIChatRole.System)
                result.Add(new SystemChatMessage(text));
            else if (message.Role == AIChatRole.Assistant)
                result.Add(new AssistantChatMessage(text));
            else if (message.Role == AIChatRole.User)
                result.Add(new UserChatMessage(text));
            else
                throw new NotSupportedException($"message role '{message.Role}' is not supported by the OpenAI-compatible client");
        }

        return result;
    }

    private static ChatCompletionOptions ToOpenAI(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        if (options is null)
            return result;
        result.Temperature = options.Temperature;
        result.TopP = options.TopP;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
        if (options.StopSequences is { } stop)
        {
            foreach (var sequence in stop)
                result.StopSequences.Add(sequence);
        }

        result.ResponseFormat = options.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } json => global::OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "answer", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription, jsonSchemaIsStrict: false),
            ChatResponseFormatJson => global::OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat(),
            _ => null,
        };
        return result;
    }

    private static AIFinishReason ToFinishReason(global::OpenAI.Chat.ChatFinishReason reason) => reason switch
    {
        global::OpenAI.Chat.ChatFinishReason.Stop => AIFinishReason.Stop,
        global::OpenAI.Chat.ChatFinishReason.Length => AIFinishReason.Length,
        global::OpenAI.Chat.ChatFinishReason.ContentFilter => AIFinishReason.ContentFilter,
        _ => AIFinishReason.ToolCalls,
    };
}

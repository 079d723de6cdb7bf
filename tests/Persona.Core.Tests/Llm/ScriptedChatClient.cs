using Microsoft.Extensions.AI;

namespace Persona.Core.Tests.Llm;

/// <summary>A chat client that answers from a script, for orchestration tests (never for adapter tests).</summary>
internal sealed class ScriptedChatClient : IChatClient
{
    private readonly Queue<Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>>> _script = new();

    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = [];

    public ScriptedChatClient Reply(string text, string model = "scripted-model")
    {
        _script.Enqueue((_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = model }));
        return this;
    }

    public ScriptedChatClient Throw(Exception exception)
    {
        _script.Enqueue((_, _, _) => Task.FromException<ChatResponse>(exception));
        return this;
    }

    public ScriptedChatClient Then(Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Add((list, options));
        Assert.True(_script.Count > 0, "the script has no more answers");
        return _script.Dequeue()(list, options, cancellationToken);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var word in response.Text.Split(' '))
            yield return new ChatResponseUpdate(ChatRole.Assistant, word);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted") : null;

    public void Dispose()
    {
    }
}

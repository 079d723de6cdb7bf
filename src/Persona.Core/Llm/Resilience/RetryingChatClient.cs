using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Persona.Core.Llm.Resilience;

/// <summary>
/// Times each attempt and retries transient failures (no connection, 408, 429, 5xx, attempt timeout)
/// with exponential backoff. The caller's cancellation is never retried: it propagates at once.
/// A stream is retried only while it has produced nothing.
/// </summary>
public sealed class RetryingChatClient : DelegatingChatClient
{
    private readonly RetryOptions _options;

    public RetryingChatClient(IChatClient innerClient, RetryOptions options)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var materialized = messages.ToList();
        for (var attempt = 0; ; attempt++)
        {
            using var scope = new AttemptScope(_options.AttemptTimeout, _options.TimeProvider, cancellationToken);
            try
            {
                return await base.GetResponseAsync(materialized, options, scope.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex, scope) && attempt < _options.MaxRetries)
            {
                await Task.Delay(_options.DelayBefore(attempt + 1), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && scope.TimedOut)
            {
                throw new TimeoutException($"The model did not answer within {_options.AttemptTimeout.TotalSeconds:0.#} s ({attempt + 1} attempts).", ex);
            }
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var materialized = messages.ToList();
        for (var attempt = 0; ; attempt++)
        {
            using var scope = new AttemptScope(_options.AttemptTimeout, _options.TimeProvider, cancellationToken);
            var enumerator = base.GetStreamingResponseAsync(materialized, options, scope.Token).GetAsyncEnumerator(scope.Token);
            var first = default(ChatResponseUpdate);
            var hasFirst = false;
            var retry = false;
            try
            {
                hasFirst = await enumerator.MoveNextAsync().ConfigureAwait(false);
                first = hasFirst ? enumerator.Current : null;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex, scope) && attempt < _options.MaxRetries)
            {
                retry = true;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && scope.TimedOut)
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
                throw new TimeoutException($"The model did not start answering within {_options.AttemptTimeout.TotalSeconds:0.#} s ({attempt + 1} attempts).", ex);
            }

            if (retry)
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
                await Task.Delay(_options.DelayBefore(attempt + 1), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // The stream has started: from here on a failure surfaces to the caller (no duplicated output).
            scope.StopTimer();
            await using (enumerator.ConfigureAwait(false))
            {
                if (!hasFirst)
                    yield break;
                yield return first!;
                while (await enumerator.MoveNextAsync().ConfigureAwait(false))
                    yield return enumerator.Current;
            }

            yield break;
        }
    }

    internal static bool IsTransient(Exception exception, AttemptScope attempt) => exception switch
    {
        OperationCanceledException => attempt.TimedOut,
        TimeoutException => true,
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500,
        IOException => true,
        _ => false,
    };
}

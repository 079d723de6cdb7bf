using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Persona.Core.Llm.Structured;

/// <summary>
/// Runs a structured step: asks the model with the JSON schema as response format, validates the answer,
/// sends one repair request listing the violations when it is invalid, and otherwise runs the step's
/// offline strategy. The result says which path produced it. Cancellation propagates; every other
/// failure of the model path falls back to offline with the reason recorded.
/// </summary>
public static class StructuredChat
{
    public static async Task<StructuredResult<T>> RequestAsync<T>(IChatClient? client, StructuredRequest<T> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (client is null)
            return new StructuredResult<T>(request.Offline(), LlmProvenance.Offline("no model configured for this role"));

        var options = request.ChatOptions?.Clone() ?? new ChatOptions();
        options.ResponseFormat = ChatResponseFormat.ForJsonSchema(request.Schema, request.SchemaName);
        var provider = client.GetService<ChatClientMetadata>()?.ProviderName;
        var conversation = request.Messages.ToList();
        try
        {
            var first = await client.GetResponseAsync(conversation, options, cancellationToken).ConfigureAwait(false);
            var (value, problems) = Read(first.Text, request);
            if (problems.Count == 0)
                return new StructuredResult<T>(value!, new LlmProvenance(LlmPath.Model, first.ModelId ?? options.ModelId, provider, null));

            conversation.Add(new ChatMessage(ChatRole.Assistant, first.Text));
            conversation.Add(new ChatMessage(ChatRole.User, RepairInstruction(problems)));
            var second = await client.GetResponseAsync(conversation, options, cancellationToken).ConfigureAwait(false);
            var (repaired, remaining) = Read(second.Text, request);
            if (remaining.Count == 0)
                return new StructuredResult<T>(repaired!, new LlmProvenance(LlmPath.Repaired, second.ModelId ?? options.ModelId, provider, "first answer: " + Summary(problems)));

            return new StructuredResult<T>(request.Offline(), LlmProvenance.Offline(
                $"model {second.ModelId ?? options.ModelId} answered invalidly twice: {Summary(remaining)}"));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or InvalidDataException or IOException or JsonException or NotSupportedException)
        {
            return new StructuredResult<T>(request.Offline(), LlmProvenance.Offline($"model call failed: {ex.Message}"));
        }
    }

    internal static (T? Value, IReadOnlyList<string> Problems) Read<T>(string text, StructuredRequest<T> request)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(StripFence(text));
        }
        catch (JsonException ex)
        {
            return (default, [$"not valid JSON: {ex.Message}"]);
        }

        using (document)
        {
            var violations = JsonSchemaValidator.Validate(request.Schema, document.RootElement);
            if (violations.Count > 0)
                return (default, violations.Select(violation => violation.ToString()).ToList());
            T? value;
            try
            {
                value = document.RootElement.Deserialize(request.TypeInfo);
            }
            catch (JsonException ex)
            {
                return (default, [$"does not match the expected shape: {ex.Message}"]);
            }

            if (value is null)
                return (default, ["answer is null"]);
            var checks = request.Check?.Invoke(value).ToList() ?? [];
            return (value, checks);
        }
    }

    /// <summary>Removes a Markdown code fence some models put around JSON despite the response format.</summary>
    internal static string StripFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
            return trimmed;
        var firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var closing = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLineEnd < 0 || closing <= firstLineEnd ? trimmed : trimmed[(firstLineEnd + 1)..closing].Trim();
    }

    private static string RepairInstruction(IReadOnlyList<string> problems) =>
        "Your answer does not satisfy the required JSON schema:" + Environment.NewLine
        + string.Join(Environment.NewLine, problems.Take(20).Select(problem => "- " + problem)) + Environment.NewLine
        + "Reply again with only the corrected JSON object, no explanation.";

    private static string Summary(IReadOnlyList<string> problems) =>
        string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $" (+{problems.Count - 5} more)") : "");
}

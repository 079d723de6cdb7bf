using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace Persona.Core.Llm.Structured;

/// <summary>One structured step: what to ask, the schema the answer must meet, and the offline strategy.</summary>
/// <param name="Messages">The conversation sent to the model.</param>
/// <param name="Schema">JSON schema of the answer; sent to the server and checked by <see cref="JsonSchemaValidator"/>.</param>
/// <param name="SchemaName">Name of the schema (some servers require one).</param>
/// <param name="TypeInfo">Source-generated type info to read a valid answer.</param>
/// <param name="Offline">The step's complete offline strategy; runs when no model answers validly.</param>
public sealed record StructuredRequest<T>(
    IReadOnlyList<ChatMessage> Messages,
    JsonElement Schema,
    string SchemaName,
    JsonTypeInfo<T> TypeInfo,
    Func<T> Offline)
{
    /// <summary>Model id, temperature and the rest; the response format is set from <see cref="Schema"/>.</summary>
    public ChatOptions? ChatOptions { get; init; }

    /// <summary>Checks the schema cannot express (e.g. "quotes only text from the evidence"); each string is one problem.</summary>
    public Func<T, IEnumerable<string>>? Check { get; init; }
}

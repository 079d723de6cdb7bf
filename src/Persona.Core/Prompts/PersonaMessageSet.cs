using Persona.Core.Import;

namespace Persona.Core.Prompts;

/// <summary>The synthesizer's input for one persona: its name and the person's messages in that mode.</summary>
/// <param name="Name">Persona (cluster) name, unique in a run.</param>
/// <param name="SourceCluster">The cluster it came from (id or name), recorded in the output; null when built by hand.</param>
/// <param name="Messages">The person's messages assigned to this persona.</param>
/// <param name="Categories">Optional labels per message id (topic, tone, …) from categorization.</param>
public sealed record PersonaMessageSet(
    string Name,
    string? SourceCluster,
    IReadOnlyList<PersonMessage> Messages,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Categories = null);

using System.Text.Json;

namespace Persona.Core.Import;

/// <summary>Reads one conversation of one export format. Never throws on content: problems become diagnostics.</summary>
internal interface IConversationParser
{
    ExportFormat Format { get; }

    /// <summary>Reads <paramref name="conversation"/> (found at <paramref name="jsonPath"/>) into <paramref name="state"/>.</summary>
    void Parse(JsonElement conversation, string jsonPath, FileImportState state);
}

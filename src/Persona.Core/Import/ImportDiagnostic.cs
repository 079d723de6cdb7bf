namespace Persona.Core.Import;

/// <summary>A content problem the importer worked around, with where it is.</summary>
/// <param name="ConversationId">The conversation it concerns, when known.</param>
/// <param name="JsonPath">Where in the file, e.g. <c>$[12].mapping['aaa1'].message.content</c> (item index within the file).</param>
/// <param name="Message">What was wrong and what the importer did.</param>
public sealed record ImportDiagnostic(string? ConversationId, string JsonPath, string Message);

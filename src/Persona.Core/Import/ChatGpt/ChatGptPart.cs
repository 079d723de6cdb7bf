using System.Text.Json;

namespace Persona.Core.Import.ChatGpt;

/// <summary>
/// One element of a <c>parts</c> or <c>thoughts</c> array as the scanner noted it: a string part (<see cref="Text"/>),
/// an object part (its <c>text</c>, or a thought's <c>content</c>, and <c>summary</c>), or anything else (no text).
/// </summary>
internal readonly record struct ChatGptPart(JsonValueKind Kind, RawJsonString? Text, RawJsonString? Summary, bool DirectionOut);

namespace Persona.Core.Import.Reading;

/// <summary>Why a <see cref="JsonTokenReader"/> stopped reading.</summary>
internal enum JsonTokenReaderStatus
{
    /// <summary>Still reading: every token so far was read.</summary>
    Reading,

    /// <summary>The data ended inside a token or value; read again from the start once more data is there.</summary>
    NeedsMoreData,

    /// <summary>
    /// Something outside the strict subset the reader takes: malformed JSON, but also valid JSON it does not read
    /// (comments, deep nesting, escaped property names). Read the same data with <see cref="System.Text.Json.Utf8JsonReader"/>.
    /// </summary>
    Unsupported,
}

namespace Persona.Core.Import.ChatGpt;

/// <summary>
/// The parts of one ChatGPT <c>message</c> the import reads. Text values are kept as positions in the source
/// (<see cref="RawJsonString"/>) and decoded only for messages the walk uses; everything else in a message
/// (most of <c>metadata</c>: citations, search results, attachments) is skipped unread.
/// </summary>
internal sealed class ChatGptMessageScan
{
    public DateTimeOffset? CreateTime { get; set; }

    /// <summary><c>author.role</c>.</summary>
    public string? Role { get; set; }

    public string? Recipient { get; set; }

    /// <summary>Whether <c>content</c> is an object; the content fields below are empty otherwise.</summary>
    public bool HasContent { get; set; }

    public string? ContentType { get; set; }

    public RawJsonString? UserProfile { get; set; }

    public RawJsonString? UserInstructions { get; set; }

    public RawJsonString? ModelSetContext { get; set; }

    /// <summary><c>content.text</c>, <c>content.result</c>, <c>content.output_str</c>, <c>content.content</c> (string values only).</summary>
    public RawJsonString?[] TextFields { get; } = new RawJsonString?[4];

    /// <summary><c>content.parts</c>; null when it is not an array.</summary>
    public List<ChatGptPart>? Parts { get; set; }

    /// <summary><c>content.thoughts</c>; null when it is not an array.</summary>
    public List<ChatGptPart>? Thoughts { get; set; }

    /// <summary>Whether <c>metadata.user_context_message_data</c> is an object (custom instructions).</summary>
    public bool HasUserContext { get; set; }

    public RawJsonString? AboutUser { get; set; }

    public RawJsonString? AboutModel { get; set; }

    public bool IsUserSystemMessage { get; set; }

    public bool IsHidden { get; set; }

    public void ResetContent()
    {
        HasContent = false;
        ContentType = null;
        UserProfile = UserInstructions = ModelSetContext = null;
        Array.Clear(TextFields);
        Parts = Thoughts = null;
    }

    public void ResetMetadata()
    {
        ResetUserContext();
        IsUserSystemMessage = IsHidden = false;
    }

    public void ResetUserContext()
    {
        HasUserContext = false;
        AboutUser = AboutModel = null;
    }
}

namespace Persona.Core.Import;

/// <summary>Why an item of an export did not become one of the person's messages.</summary>
public enum SkipReason
{
    /// <summary>A tool call or tool output (browsing, code execution, plugins, tool_use/tool_result blocks).</summary>
    ToolTraffic,

    /// <summary>A system message that is not self-description.</summary>
    SystemMessage,

    /// <summary>A message the chat UI hides from the conversation.</summary>
    HiddenMessage,

    /// <summary>A person's turn with no text (empty, or only images/files).</summary>
    EmptyMessage,

    /// <summary>Model reasoning (thoughts, reasoning recaps, thinking blocks).</summary>
    Reasoning,

    /// <summary>A person's message on an abandoned branch (kept only with <see cref="BranchSelection.All"/>).</summary>
    OffActiveBranch,

    /// <summary>Document text the person attached (not their own prose).</summary>
    AttachmentContent,

    /// <summary>A content type the importer does not read.</summary>
    UnsupportedContent,

    /// <summary>A conversation that appeared again in this run (an older or equal copy was dropped).</summary>
    DuplicateConversation,

    /// <summary>A conversation too damaged to read (no messages, not an object, …).</summary>
    BrokenConversation,

    /// <summary>A message by an author the importer does not recognise.</summary>
    UnknownAuthor,
}

namespace Persona.Core.Interview;

/// <summary>How a category's answers become persona fields (set per category in the interview configuration).</summary>
public enum DraftShape
{
    /// <summary>A list of the key phrases the person used (e.g. <c>values.core</c>).</summary>
    List,

    /// <summary>A short text of the person's own sentences (e.g. <c>biography</c>).</summary>
    Text,

    /// <summary>Goals split into <c>&lt;field&gt;.shortTerm</c> and <c>&lt;field&gt;.longTerm</c> lists.</summary>
    Goals,

    /// <summary><c>&lt;field&gt;.communicationStyle</c> text and <c>&lt;field&gt;.traits</c> list.</summary>
    Style,
}

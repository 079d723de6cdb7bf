namespace Persona.Core.Import;

/// <summary>What one input file has produced so far: counts, skips, diagnostics and self-description.</summary>
internal sealed class FileImportState(string name, ImportOptions options, Action<ImportedConversation>? sink = null)
{
    private int _conversationCount;

    private readonly Dictionary<SkipReason, int> _skipped = [];
    private readonly List<ImportDiagnostic> _diagnostics = [];
    private int _omitted;

    public string Name { get; } = name;

    public ImportOptions Options { get; } = options;

    public List<SelfDescription> SelfDescriptions { get; } = [];

    /// <summary>The conversations read, unless a sink takes them as they come.</summary>
    public List<ImportedConversation> Conversations { get; } = [];

    public int ConversationCount => _conversationCount;

    public int MessageCount { get; private set; }

    public void Skip(SkipReason reason, int count = 1)
    {
        if (count > 0)
            _skipped[reason] = _skipped.GetValueOrDefault(reason) + count;
    }

    public void Diagnose(string? conversationId, string jsonPath, string message)
    {
        if (_diagnostics.Count < Options.MaxDiagnosticsPerFile)
            _diagnostics.Add(new ImportDiagnostic(conversationId, jsonPath, message));
        else
            _omitted++;
    }

    public void SelfDescribe(SelfDescriptionKind kind, string? text, ExportFormat format, string conversationId, DateTimeOffset? createdAt)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        var clean = TextNormalizer.UnwrapInstructions(text);
        if (clean.Length > 0)
            SelfDescriptions.Add(new SelfDescription(kind, clean, format, conversationId, createdAt));
    }

    public void Add(ImportedConversation conversation)
    {
        _conversationCount++;
        MessageCount += conversation.Messages.Count;
        if (sink is not null)
            sink(conversation);
        else
            Conversations.Add(conversation);
    }

    public ImportFileReport ToReport(ExportFormat? format, string? error) => new()
    {
        Path = Name,
        Format = format,
        Conversations = error is null ? _conversationCount : 0,
        Messages = error is null ? MessageCount : 0,
        SelfDescriptions = error is null ? SelfDescriptions.Count : 0,
        Skipped = new SortedDictionary<SkipReason, int>(_skipped),
        Diagnostics = _diagnostics.ToList(),
        DiagnosticsOmitted = _omitted,
        Error = error,
    };
}

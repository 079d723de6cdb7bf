namespace Persona.Core.Training;

/// <summary>The kinds of files a dataset is built from (recorded with their hashes in the card).</summary>
public enum InputKind
{
    ClusterMessages,
    ClusterAnalysis,
    GeneratedPrompts,
    InterviewTranscript,
    CorePersona,
    LibraryPersona,
}

using Microsoft.Extensions.Logging;

namespace Persona.Core.Library;

/// <summary>Source-generated log messages of the library.</summary>
internal static partial class LibraryLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Request {RequestId} in context {ContextId} served by {PersonaId} v{Version} ({Reason})")]
    public static partial void Resolved(ILogger logger, string requestId, string contextId, string personaId, int version, ResolutionReason reason);
}

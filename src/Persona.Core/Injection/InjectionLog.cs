using Microsoft.Extensions.Logging;

namespace Persona.Core.Injection;

/// <summary>Source-generated log messages of the injector. Key names only; never persona content.</summary>
internal static partial class InjectionLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Placeholder {Placeholder} asked for keys outside the allowlist; dropped: {Keys}")]
    public static partial void DroppedKeys(ILogger logger, string placeholder, string keys);
}

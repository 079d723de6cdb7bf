using System.Globalization;

namespace Persona.Core.Import;

/// <summary>Export timestamps: epoch seconds (a JSON number) or ISO 8601 text; null when out of range or unreadable.</summary>
internal static class ExportTime
{
    public static DateTimeOffset? FromSeconds(double seconds) =>
        seconds is > -62135596800 and < 253402300799
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000))
            : null;

    public static DateTimeOffset? FromText(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
}

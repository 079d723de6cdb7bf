using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Persona.Core.Configuration;

/// <summary>
/// Reads the editable YAML configuration files (lexicons, naming rules): from a given path, else
/// <c>config/&lt;name&gt;</c> under the working directory, else the default built into the library.
/// Syntax errors name the file, line and column.
/// </summary>
internal static class YamlDocumentReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static T Parse<T>(string yaml, string source)
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml) ?? throw new InvalidDataException($"{source}: the file is empty");
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            throw new InvalidDataException($"{source}({ex.Start.Line},{ex.Start.Column}): {message}", ex);
        }
    }

    /// <summary>The YAML text and where it came from: the explicit path, config/&lt;fileName&gt; in the working directory, or the embedded default.</summary>
    public static async Task<(string Yaml, string Source)> ReadAsync(string? path, string fileName, CancellationToken cancellationToken)
    {
        if (path is not null)
        {
            if (!File.Exists(path))
                throw new FileNotFoundException($"configuration file not found: {path}", path);
            return (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
        }

        var local = Path.Combine("config", fileName);
        if (File.Exists(local))
            return (await File.ReadAllTextAsync(local, cancellationToken).ConfigureAwait(false), local);
        return (ReadEmbedded(fileName), "(built-in) config/" + fileName);
    }

    public static string ReadEmbedded(string fileName)
    {
        using var stream = typeof(YamlDocumentReader).Assembly.GetManifestResourceStream("Persona.Core.config." + fileName)
            ?? throw new InvalidOperationException($"embedded default config/{fileName} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

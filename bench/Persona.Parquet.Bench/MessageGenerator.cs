using System.Text;
using Persona.Core.Import;

namespace Persona.Parquet.Bench;

/// <summary>
/// Seeded rows of the all_messages shape with realistic lengths: ~20 messages per conversation,
/// texts of a few words to a few paragraphs, bounded assistant context, repeated titles.
/// </summary>
internal sealed class MessageGenerator(int seed)
{
    private static readonly string[] Words = BuildWords();
    private static readonly ExportFormat[] Formats = Enum.GetValues<ExportFormat>();

    public IEnumerable<PersonMessage> Generate(int count)
    {
        var random = new Random(seed);
        var text = new StringBuilder(4096);
        var time = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string conversation = "";
        string? title = null;
        var format = ExportFormat.ChatGpt;
        var position = 0;
        var remaining = 0;
        for (var i = 0; i < count; i++)
        {
            if (remaining == 0)
            {
                conversation = Guid(random);
                title = random.Next(10) == 0 ? null : Sentence(random, text, 2 + random.Next(7));
                format = Formats[random.Next(Formats.Length)];
                position = 0;
                remaining = 1 + random.Next(40);
                time = time.AddMinutes(random.Next(1, 3000));
            }

            var words = (int)Math.Min(2000, Math.Exp(random.NextDouble() * 4.5 + 1)); // 3 .. ~250 words, long tail
            var body = Sentence(random, text, words);
            string? context = position == 0 ? null : Sentence(random, text, Math.Min(120, 20 + random.Next(150)));
            time = time.AddSeconds(random.Next(5, 900)).AddTicks(random.Next(10) * 10);
            yield return new PersonMessage(
                Guid(random),
                conversation,
                title,
                format,
                position,
                random.Next(50) == 0 ? null : time,
                context,
                body,
                body.Length,
                words,
                random.Next(20) != 0);
            position++;
            remaining--;
        }
    }

    private static string Sentence(Random random, StringBuilder text, int words)
    {
        text.Clear();
        for (var w = 0; w < words; w++)
        {
            if (w > 0)
                text.Append(random.Next(15) == 0 ? ". " : " ");
            var r = random.NextDouble();
            text.Append(Words[(int)(r * r * Words.Length)]);
        }

        return text.ToString();
    }

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string[] BuildWords()
    {
        var random = new Random(1);
        var words = new string[5000];
        const string Letters = "etaoinshrdlcumwfgypbvkjxqz";
        for (var i = 0; i < words.Length; i++)
        {
            var length = 1 + random.Next(10);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
                chars[c] = Letters[(int)(Math.Pow(random.NextDouble(), 1.5) * Letters.Length)];
            words[i] = new string(chars);
        }

        return words;
    }
}

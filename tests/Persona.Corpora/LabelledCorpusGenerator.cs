using System.Globalization;
using System.Text;
using Persona.Core.Import;

namespace Persona.Corpora;

/// <summary>
/// Generates one person's messages in several modes from templates with slot fillers, openers,
/// closers and writing habits (casing, typos, length), grouped into conversations with assistant
/// replies as context. Same options ⇒ same corpus.
/// </summary>
public static class LabelledCorpusGenerator
{
    public static LabelledCorpus Generate(CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MessagesPerMode, 1, nameof(options.MessagesPerMode));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxMessagesPerConversation, 1, nameof(options.MaxMessagesPerConversation));
        var modes = options.ResolveModes();
        var random = new Random(options.Seed);

        var conversations = new List<(CorpusMode Mode, int Count)>();
        foreach (var mode in modes)
        {
            for (var left = options.MessagesPerMode; left > 0;)
            {
                var count = Math.Min(left, random.Next(1, options.MaxMessagesPerConversation + 1));
                conversations.Add((mode, count));
                left -= count;
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(conversations));

        var items = new List<LabelledMessage>();
        var time = options.Start;
        foreach (var (mode, count) in conversations)
        {
            var conversationId = NewId(random);
            var title = Pick(random, mode.Titles);
            string? context = null;
            for (var position = 0; position < count; position++)
            {
                time = time.AddMinutes(random.Next(1, 240));
                var text = Compose(random, mode, position);
                var reply = Pick(random, mode.AssistantReplies);
                var message = new PersonMessage(
                    MessageId: NewId(random),
                    ConversationId: conversationId,
                    ConversationTitle: title,
                    SourceFormat: ExportFormat.ChatGpt,
                    Position: position,
                    CreatedAt: time,
                    Context: context,
                    Text: text,
                    CharCount: text.EnumerateRunes().Count(),
                    WordCount: text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
                    OnActiveBranch: true);
                items.Add(new LabelledMessage(message, mode.Name, reply));
                context = reply;
            }
        }

        return new LabelledCorpus(options.Seed, [.. modes.Select(m => m.Name)], items);
    }

    private static string Compose(Random random, CorpusMode mode, int position)
    {
        var parts = new List<string>();
        if (position == 0 || random.NextDouble() < 0.3)
            parts.Add(Fill(random, mode, Pick(random, mode.Openers)));

        var sentenceCount = random.Next(mode.MinSentences, mode.MaxSentences + 1);
        var templates = mode.Sentences.ToArray();
        random.Shuffle(templates);
        foreach (var template in templates.Take(sentenceCount))
            parts.Add(Capitalise(Fill(random, mode, template)));

        parts.Add(Pick(random, mode.Closers));
        var text = string.Join(' ', parts.Where(p => p.Length > 0));
        if (random.NextDouble() < mode.LowercaseRate)
            text = text.ToLowerInvariant();
        return AddTypos(random, text, mode.TypoRate);
    }

    private static string Fill(Random random, CorpusMode mode, string template)
    {
        var builder = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i) : -1;
            if (close > i && mode.Slots.TryGetValue(template[(i + 1)..close], out var values))
            {
                builder.Append(Pick(random, values));
                i = close;
            }
            else
            {
                builder.Append(template[i]);
            }
        }

        return builder.ToString();
    }

    private static string Capitalise(string sentence) =>
        sentence.Length > 0 && char.IsLower(sentence[0]) ? char.ToUpperInvariant(sentence[0]) + sentence[1..] : sentence;

    private static string AddTypos(Random random, string text, double rate)
    {
        if (rate <= 0)
            return text;
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length >= 4 && w.All(char.IsLetter) && random.NextDouble() < rate)
            {
                var j = random.Next(1, w.Length - 1);
                words[i] = string.Concat(w.AsSpan(0, j), w[j + 1].ToString(), w[j].ToString(), w.AsSpan(j + 2));
            }
        }

        return string.Join(' ', words);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    internal static string NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D", CultureInfo.InvariantCulture);
    }
}

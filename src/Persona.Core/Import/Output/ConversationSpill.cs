using System.Buffers;

namespace Persona.Core.Import.Output;

/// <summary>
/// A temporary file holding the rows of every conversation read so far, so an import of a large export
/// keeps only a small index in memory. Deleted when disposed.
/// </summary>
internal sealed class ConversationSpill : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private readonly BinaryReader _reader;

    public ConversationSpill()
    {
        var path = Path.Combine(Path.GetTempPath(), $"persona-import-{Environment.ProcessId}-{Guid.NewGuid():N}.spill");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        _reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Appends the conversation's rows; returns where they are.</summary>
    public SpilledConversation Add(ImportedConversation conversation)
    {
        _writer.Flush();
        _file.Seek(0, SeekOrigin.End);
        var offset = _file.Position;
        foreach (var m in conversation.Messages)
        {
            _writer.Write(m.MessageId);
            _writer.Write(m.ConversationId);
            WriteNullable(m.ConversationTitle);
            _writer.Write((int)m.SourceFormat);
            _writer.Write(m.Position);
            _writer.Write(m.CreatedAt?.UtcTicks ?? -1L);
            WriteNullable(m.Context);
            _writer.Write(m.Text);
            _writer.Write(m.CharCount);
            _writer.Write(m.WordCount);
            _writer.Write(m.OnActiveBranch);
        }

        _writer.Flush();
        return new SpilledConversation(conversation.Format, conversation.Id, conversation.UpdatedAt, conversation.ContentHash, offset, conversation.Messages.Count);
    }

    public IEnumerable<PersonMessage> Read(SpilledConversation conversation)
    {
        _writer.Flush();
        _file.Seek(conversation.Offset, SeekOrigin.Begin);
        var rows = new List<PersonMessage>(conversation.Count);
        for (var i = 0; i < conversation.Count; i++)
        {
            var messageId = ReadString();
            var conversationId = ReadString();
            var title = ReadNullable();
            var format = (ExportFormat)_reader.ReadInt32();
            var position = _reader.ReadInt32();
            var ticks = _reader.ReadInt64();
            var context = ReadNullable();
            var text = ReadString();
            rows.Add(new PersonMessage(
                messageId,
                conversationId,
                title,
                format,
                position,
                ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero),
                context,
                text,
                _reader.ReadInt32(),
                _reader.ReadInt32(),
                _reader.ReadBoolean()));
        }

        return rows;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _reader.Dispose();
        _file.Dispose();
    }

    private void WriteNullable(string? value)
    {
        _writer.Write(value is not null);
        if (value is not null)
            _writer.Write(value);
    }

    private string? ReadNullable() => _reader.ReadBoolean() ? ReadString() : null;

    /// <summary>
    /// A string as <see cref="BinaryWriter.Write(string)"/> wrote it (7-bit encoded byte length, UTF-8), decoded in one
    /// piece: <see cref="BinaryReader.ReadString"/> goes through a StringBuilder for anything longer than 128 bytes.
    /// </summary>
    private string ReadString()
    {
        var length = _reader.Read7BitEncodedInt();
        if (length == 0)
            return string.Empty;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            _reader.BaseStream.ReadExactly(rented, 0, length);
            return System.Text.Encoding.UTF8.GetString(rented, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

using System.Buffers.Binary;
using Persona.Parquet.Format;

namespace Persona.Parquet.Writing;

/// <summary>
/// Null count and min/max of one chunk in the column order readers apply: signed for integers and
/// timestamps, IEEE with NaN skipped for floats (−0.0 as min, +0.0 as max), unsigned byte-wise for
/// strings. Values are stored PLAIN without a length prefix.
/// </summary>
internal sealed class ColumnStatisticsBuilder(PhysicalType physical, bool floating)
{
    private long _nulls;
    private bool _any;
    private long _minInt;
    private long _maxInt;
    private double _minDouble;
    private double _maxDouble;
    private byte[]? _minBytes;
    private byte[]? _maxBytes;

    public void AddNull() => _nulls++;

    public void AddBoolean(bool value) => AddInt64(value ? 1 : 0);

    public void AddInt64(long value)
    {
        if (!_any)
        {
            _minInt = _maxInt = value;
            _any = true;
            return;
        }

        if (value < _minInt)
            _minInt = value;
        if (value > _maxInt)
            _maxInt = value;
    }

    public void AddDouble(double value)
    {
        if (double.IsNaN(value))
            return;
        if (!_any)
        {
            _minDouble = _maxDouble = value;
            _any = true;
            return;
        }

        if (value < _minDouble)
            _minDouble = value;
        if (value > _maxDouble)
            _maxDouble = value;
    }

    public void AddBytes(ReadOnlySpan<byte> value)
    {
        if (_minBytes is null || value.SequenceCompareTo(_minBytes) < 0)
            _minBytes = value.ToArray();
        if (_maxBytes is null || value.SequenceCompareTo(_maxBytes) > 0)
            _maxBytes = value.ToArray();
        _any = true;
    }

    public void AddDictionary(DictionaryBuilder dictionary)
    {
        for (var i = 0; i < dictionary.Count; i++)
        {
            var entry = dictionary.EntryValue(i);
            if (physical == PhysicalType.ByteArray)
                AddBytes(entry);
            else if (physical == PhysicalType.Int32)
                AddInt64(BinaryPrimitives.ReadInt32LittleEndian(entry));
            else
                AddInt64(BinaryPrimitives.ReadInt64LittleEndian(entry));
        }
    }

    public void Reset()
    {
        _nulls = 0;
        _any = false;
        _minBytes = _maxBytes = null;
    }

    public Statistics Build()
    {
        var stats = new Statistics { NullCount = _nulls };
        if (!_any)
            return stats;
        switch (physical)
        {
            case PhysicalType.ByteArray:
                stats.MinValue = _minBytes;
                stats.MaxValue = _maxBytes;
                break;
            case PhysicalType.Boolean:
                stats.MinValue = [(byte)_minInt];
                stats.MaxValue = [(byte)_maxInt];
                break;
            case PhysicalType.Int32:
                stats.MinValue = BitConverter.GetBytes((int)_minInt);
                stats.MaxValue = BitConverter.GetBytes((int)_maxInt);
                break;
            case PhysicalType.Int64:
                stats.MinValue = BitConverter.GetBytes(_minInt);
                stats.MaxValue = BitConverter.GetBytes(_maxInt);
                break;
            case PhysicalType.Float when floating:
                stats.MinValue = BitConverter.GetBytes(_minDouble == 0 ? -0.0f : (float)_minDouble);
                stats.MaxValue = BitConverter.GetBytes(_maxDouble == 0 ? 0.0f : (float)_maxDouble);
                break;
            case PhysicalType.Double when floating:
                stats.MinValue = BitConverter.GetBytes(_minDouble == 0 ? -0.0 : _minDouble);
                stats.MaxValue = BitConverter.GetBytes(_maxDouble == 0 ? 0.0 : _maxDouble);
                break;
        }

        return stats;
    }
}

using System.Buffers.Binary;
using System.Text;

namespace Siget.Bench.Headless;

/// <summary>
/// Reads the string table of a serialized render batch (Components/Shared/src/RenderBatchWriter.cs).
/// The batch ends with five little-endian int32 offsets; the last one points at the string-location table,
/// which holds one int32 position per string and runs up to those 20 trailing bytes. Each string is written
/// by BinaryWriter.Write(string): a 7-bit-encoded byte length followed by UTF-8. Every text node, markup
/// block and attribute value in the batch goes through this table, so it is enough to look for content.
/// </summary>
internal static class RenderBatchStrings
{
    private const int TrailerSize = 5 * sizeof(int);

    /// <summary>True when some string of the batch contains <paramref name="utf8Text"/>.</summary>
    public static bool Contains(ReadOnlySpan<byte> batch, ReadOnlySpan<byte> utf8Text)
    {
        foreach (var range in StringRanges(batch))
        {
            if (batch[range].IndexOf(utf8Text) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>All strings of the batch (for diagnostics).</summary>
    public static List<string> ReadAll(ReadOnlySpan<byte> batch)
    {
        var result = new List<string>();
        foreach (var range in StringRanges(batch))
        {
            result.Add(Encoding.UTF8.GetString(batch[range]));
        }

        return result;
    }

    private static List<Range> StringRanges(ReadOnlySpan<byte> batch)
    {
        var ranges = new List<Range>();
        if (batch.Length < TrailerSize)
        {
            return ranges;
        }

        var tableStart = BinaryPrimitives.ReadInt32LittleEndian(batch[^sizeof(int)..]);
        var tableEnd = batch.Length - TrailerSize;
        if (tableStart < 0 || tableStart > tableEnd)
        {
            return ranges;
        }

        for (var entry = tableStart; entry + sizeof(int) <= tableEnd; entry += sizeof(int))
        {
            var position = BinaryPrimitives.ReadInt32LittleEndian(batch[entry..]);
            if (position < 0 || position >= tableStart)
            {
                break;
            }

            // 7-bit encoded length prefix, as written by BinaryWriter.
            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                if (position >= tableStart || shift > 28)
                {
                    return ranges;
                }

                b = batch[position++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);

            if (length < 0 || position + length > tableStart)
            {
                break;
            }

            ranges.Add(new Range(position, position + length));
        }

        return ranges;
    }
}

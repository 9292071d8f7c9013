using System.Buffers.Text;
using System.Text.Json;

namespace Rapport.Cli.Output;

/// <summary>
/// Writes scores rounded to four decimals ("0.9674", "-0.5", "1") without the general shortest-round-trip double
/// formatting, which was the largest single cost of JSON output (a dozen numbers per message).
/// </summary>
internal static class JsonNumbers
{
    private const double Scale = 10_000;
    private const int Decimals = 4;

    /// <summary>Writes <paramref name="name"/>: <paramref name="value"/> rounded to four decimals (0 if not finite).</summary>
    public static void WriteRounded(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        Span<byte> buffer = stackalloc byte[32];
        var length = Format(value, buffer);
        writer.WritePropertyName(name);
        writer.WriteRawValue(buffer[..length], skipInputValidation: true);
    }

    /// <summary>Formats <paramref name="value"/> rounded to four decimals, shortest form, into <paramref name="destination"/> (32 bytes).</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            destination[0] = (byte)'0';
            return 1;
        }

        if (Math.Abs(value) >= 1e12)
        {
            Utf8Formatter.TryFormat(Math.Round(value), destination, out var written);
            return written;
        }

        var scaled = (long)Math.Round(value * Scale, MidpointRounding.AwayFromZero);
        var length = 0;
        if (scaled < 0)
        {
            destination[length++] = (byte)'-';
            scaled = -scaled;
        }

        Utf8Formatter.TryFormat(scaled / (long)Scale, destination[length..], out var integerDigits);
        length += integerDigits;
        var fraction = (int)(scaled % (long)Scale);
        if (fraction == 0)
        {
            return length;
        }

        destination[length++] = (byte)'.';
        var divisor = (int)Scale / 10;
        for (var i = 0; i < Decimals && fraction > 0; i++)
        {
            destination[length++] = (byte)('0' + (fraction / divisor));
            fraction %= divisor;
            divisor /= 10;
        }

        return length;
    }
}

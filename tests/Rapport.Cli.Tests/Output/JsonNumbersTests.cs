using System.Text;
using Rapport.Cli.Output;

namespace Rapport.Cli.Tests.Output;

public sealed class JsonNumbersTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-1.0, "-1")]
    [InlineData(0.96744, "0.9674")]
    [InlineData(0.96745, "0.9675")]
    [InlineData(-0.48961, "-0.4896")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.0302, "0.0302")]
    [InlineData(0.00004, "0")]
    [InlineData(-0.00004, "0")]
    [InlineData(0.00005, "0.0001")]
    [InlineData(12.25, "12.25")]
    [InlineData(double.NaN, "0")]
    [InlineData(double.PositiveInfinity, "0")]
    public void Format_Values_AreRoundedToFourDecimalsInShortestForm(double value, string expected)
    {
        Span<byte> buffer = stackalloc byte[32];

        var length = JsonNumbers.Format(value, buffer);

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer[..length]));
    }

    [Fact]
    public void Format_ManyValues_ParseBackWithinRounding()
    {
        var random = new Random(3);
        Span<byte> buffer = stackalloc byte[32];
        for (var i = 0; i < 10_000; i++)
        {
            var value = (random.NextDouble() * 2) - 1;
            var length = JsonNumbers.Format(value, buffer);
            var parsed = double.Parse(Encoding.UTF8.GetString(buffer[..length]), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(parsed - value, -0.00005 - 1e-12, 0.00005 + 1e-12);
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Rapport.Cli.Output;

/// <summary>
/// A progress bar on stderr for long inputs: it appears once <see cref="ShowAfterLines"/> lines have been read, redraws
/// in place on a terminal (at most ten times a second), and prints plain lines every few seconds when stderr is a file
/// (only with <c>--progress</c>). Never written to stdout.
/// </summary>
internal sealed class ProgressReporter
{
    /// <summary>Inputs shorter than this show no progress.</summary>
    public const int ShowAfterLines = 5_000;

    private const int BarWidth = 24;
    private readonly TextWriter _error;
    private readonly bool _terminal;
    private readonly string _label;
    private readonly long? _totalBytes;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _interval;
    private long _lastDrawn;
    private bool _shown;

    private ProgressReporter(TextWriter error, bool terminal, string label, long? totalBytes)
    {
        _error = error;
        _terminal = terminal;
        _label = label;
        _totalBytes = totalBytes is > 0 ? totalBytes : null;
        _interval = terminal ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5);
    }

    /// <summary>A reporter when stderr is a terminal or progress was asked for; otherwise null.</summary>
    public static ProgressReporter? Create(CliContext context, bool requested, string label, long? totalBytes) =>
        context.ErrorIsTerminal || requested ? new ProgressReporter(context.Error, context.ErrorIsTerminal, label, totalBytes) : null;

    /// <summary>Reports that <paramref name="lines"/> lines (<paramref name="bytes"/> bytes) have been processed.</summary>
    public void Report(long lines, long bytes)
    {
        if (lines < ShowAfterLines)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        if (_shown && Stopwatch.GetElapsedTime(_lastDrawn, now) < _interval)
        {
            return;
        }

        _shown = true;
        _lastDrawn = now;
        Draw(lines, bytes, final: false);
    }

    /// <summary>Ends the progress display (if it was shown) with a summary line.</summary>
    public void Complete(long records)
    {
        if (_shown)
        {
            Draw(records, _totalBytes ?? 0, final: true);
        }
    }

    private void Draw(long lines, long bytes, bool final)
    {
        var seconds = Math.Max(Stopwatch.GetElapsedTime(_started).TotalSeconds, 1e-9);
        var rate = lines / seconds;
        var line = final
            ? string.Create(CultureInfo.InvariantCulture, $"{_label}: {lines:N0} done in {seconds:F1} s ({rate:N0}/s)")
            : _totalBytes is { } total
                ? string.Create(CultureInfo.InvariantCulture, $"{_label} {Bar(bytes / (double)total)} {100.0 * bytes / total,3:F0}%  {lines:N0} lines  {rate:N0}/s")
                : string.Create(CultureInfo.InvariantCulture, $"{_label} {lines:N0} lines  {rate:N0}/s");
        try
        {
            if (_terminal)
            {
                // \r and erase-line redraw in place; the final line ends the display.
                _error.Write($"\r\u001b[2K{line}{(final ? "\n" : "")}");
            }
            else
            {
                _error.WriteLine(line);
            }

            _error.Flush();
        }
        catch (IOException)
        {
            // Progress is best-effort.
        }
    }

    private static string Bar(double fraction)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * BarWidth);
        return "[" + new string('#', filled) + new string('-', BarWidth - filled) + "]";
    }
}

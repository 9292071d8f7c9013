using System.CommandLine;
using System.Text.Json;
using Rapport.Cli.Benchmarking;
using Rapport.Cli.Output;
using Rapport.Cli.Rendering;

namespace Rapport.Cli.Commands;

/// <summary><c>rapport bench</c>: messages per second and latency percentiles of the engine on a generated corpus.</summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var messages = new Option<int>("--messages", "-n")
        {
            Description = "Messages in the generated corpus (each analyze measurement makes at least one pass).",
            DefaultValueFactory = _ => 20_000,
            HelpName = "N",
        };
        var seconds = new Option<double>("--seconds", "-s")
        {
            Description = "Seconds to measure each operation for (after a warm-up of half as long, up to 1 s).",
            DefaultValueFactory = _ => 3.0,
            HelpName = "S",
        };
        var writeCorpus = new Option<string?>("--write-corpus")
        {
            Description = "Write the generated corpus (--messages lines) to FILE and stop, e.g. to compare tools on the same file.",
            HelpName = "FILE",
        };
        var json = CommonOptions.Json("Print the results as one JSON object.");
        var command = new Command("bench", "Measure analyze (one thread and all cores), review and compose on a generated corpus: calls/s, p50/p95/p99 latency, allocations.")
        {
            messages, seconds, writeCorpus, json,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var messageCount = parseResult.GetValue(messages);
            var duration = parseResult.GetValue(seconds);
            if (messageCount is < 1 or > 10_000_000)
            {
                throw new CliException("--messages must be from 1 to 10,000,000");
            }

            if (!(duration is > 0 and <= 3600))
            {
                throw new CliException("--seconds must be more than 0 and at most 3600");
            }

            if (parseResult.GetValue(writeCorpus) is { } corpusPath)
            {
                WriteCorpus(corpusPath, messageCount);
                return Task.FromResult(ExitCodes.Success);
            }

            Action<string>? status = context.ErrorIsTerminal ? s => context.Error.Write($"\r\u001b[2Kmeasuring {s}…") : null;
            var report = BenchRunner.Run(messageCount, duration, status, cancellationToken);
            if (status is not null)
            {
                context.Error.Write("\r\u001b[2K");
            }

            if (parseResult.GetValue(json))
            {
                JsonOutput.WriteLine(context.Output, writer => Write(writer, report), indented: true);
            }
            else
            {
                BenchRenderer.Render(Consoles.Create(context), report);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void WriteCorpus(string path, int count)
    {
        try
        {
            using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
            foreach (var message in BenchCorpus.Messages(count))
            {
                writer.Write(message);
                writer.Write('\n');
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot write ({exception.Message})", exception);
        }
    }

    private static void Write(Utf8JsonWriter writer, BenchReport report)
    {
        writer.WriteStartObject();
        writer.WriteNumber("messages", report.Messages);
        writer.WriteNumber("averageMessageLength", Math.Round(report.AverageMessageLength, 1));
        writer.WriteNumber("cores", Environment.ProcessorCount);
        writer.WriteString("runtime", Environment.Version.ToString());
        Write(writer, "analyze", report.Analyze);
        writer.WriteStartObject("analyzeAllCores");
        writer.WriteNumber("threads", report.AnalyzeAllCores.Threads);
        writer.WriteNumber("calls", report.AnalyzeAllCores.Calls);
        writer.WriteNumber("seconds", Math.Round(report.AnalyzeAllCores.Seconds, 3));
        writer.WriteNumber("perSecond", Math.Round(report.AnalyzeAllCores.PerSecond));
        writer.WriteEndObject();
        writer.WriteNumber("replyLength", report.ReplyLength);
        writer.WriteNumber("contextMessages", report.ContextMessages);
        Write(writer, "review", report.Review);
        Write(writer, "compose", report.Compose);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, string name, LatencyStats stats)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("calls", stats.Calls);
        writer.WriteNumber("seconds", Math.Round(stats.Seconds, 3));
        writer.WriteNumber("perSecond", Math.Round(stats.PerSecond));
        writer.WriteNumber("p50Microseconds", Math.Round(stats.P50Microseconds, 2));
        writer.WriteNumber("p95Microseconds", Math.Round(stats.P95Microseconds, 2));
        writer.WriteNumber("p99Microseconds", Math.Round(stats.P99Microseconds, 2));
        writer.WriteNumber("bytesPerCall", Math.Round(stats.BytesPerCall));
        writer.WriteEndObject();
    }
}

using System.Globalization;
using Rapport.Core.Analytics;
using ScottPlot;

namespace Rapport.Cli.Reporting;

/// <summary>One chart of the report: an id for the page's anchors, a title, alt text and the PNG.</summary>
internal sealed record ReportChart(string Id, string Title, string Alt, byte[] Png);

/// <summary>
/// Draws the report's charts as PNGs with ScottPlot (SkiaSharp underneath: text needs a system font, e.g. Debian's
/// fonts-dejavu-core). Every chart is drawn even without data, with a "No data" note, so the report keeps its shape.
/// </summary>
internal static class ReportCharts
{
    public const int Width = 900;
    public const int Height = 420;

    /// <summary>The workspace's emotion colours (app.css, .tl-dot.emo-*), so the mix reads like the inbox.</summary>
    public static readonly IReadOnlyDictionary<string, string> EmotionColors = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["anger"] = "#dc2626",
        ["frustration"] = "#ea580c",
        ["impatience"] = "#ca8a04",
        ["worry"] = "#9333ea",
        ["disappointment"] = "#2563eb",
        ["confusion"] = "#0284c7",
        ["gratitude"] = "#16a34a",
        ["relief"] = "#0d9488",
        ["neutral"] = "#94a3b8",
    };

    /// <summary>The order of the stack: the workspace's order of feelings, then any other label alphabetically.</summary>
    public static IReadOnlyList<string> EmotionLabels(OverviewJson overview)
    {
        var present = overview.Emotions.SelectMany(e => e.Messages.Keys).ToHashSet(StringComparer.Ordinal);
        return [.. EmotionColors.Keys.Where(present.Contains), .. present.Where(l => !EmotionColors.ContainsKey(l)).Order(StringComparer.Ordinal)];
    }

    private static readonly Color Raw = Color.FromHex("#94a3b8");
    private static readonly Color Warm = Color.FromHex("#0f766e");
    private static readonly Color Accent = Color.FromHex("#2563eb");
    private static readonly Color Second = Color.FromHex("#ea580c");

    public static IReadOnlyList<ReportChart> Draw(OverviewJson overview) =>
    [
        EmpathyByWeek(overview),
        EmpathyByAgent(overview),
        ConsistencyIndices(overview),
        EmpathyAgainstResolution(overview),
        EmotionMix(overview),
        ResponseTimes(overview),
        PromisesKept(overview),
    ];

    private static ReportChart PromisesKept(OverviewJson o)
    {
        var plot = NewPlot("Promises kept on time, by agent", null, "Kept on time (%)");
        var agents = (o.Promises?.Agents ?? []).Where(a => a.KeptRate is not null).ToList();
        if (agents.Count > 0)
        {
            var bars = agents.Select((a, i) => new Bar { Position = i, Value = a.KeptRate!.Value * 100, FillColor = Warm, Size = 0.55, Label = N(a.KeptRate!.Value * 100) + "%" }).ToList();
            var added = plot.Add.Bars(bars);
            added.ValueLabelStyle.FontSize = 14;
            Ticks(plot, [.. agents.Select(a => a.Name)], rotate: agents.Count > 6);
            plot.Axes.SetLimitsY(0, 110);
            plot.Axes.SetLimitsX(-0.6, agents.Count - 0.4);
        }
        else
        {
            NoData(plot, "No promises came due in this range");
        }

        var alt = agents.Count == 0
            ? "Bar chart of promises kept on time by agent: no promises came due in this range."
            : $"Bar chart of the share of promises each of {agents.Count} agents kept on time; {N((o.Promises!.KeptRate ?? 0) * 100)}% across the desk ({o.Promises.Kept} kept, {o.Promises.Broken} broken). Figures in the table below.";
        return Chart("promises-kept", "Promises kept on time, by agent", alt, plot);
    }

    private static ReportChart EmpathyByWeek(OverviewJson o)
    {
        var plot = NewPlot("Empathy by week", "Week starting", "Mean empathy (0–100)");
        var weeks = o.Weeks;
        if (weeks.Count > 0)
        {
            var xs = Enumerable.Range(0, weeks.Count).Select(i => (double)i).ToArray();
            var line = plot.Add.Scatter(xs, [.. weeks.Select(w => w.Empathy)], Warm);
            line.LineWidth = 3;
            line.MarkerSize = 9;
            WeekTicks(plot, [.. weeks.Select(w => w.Week)]);
            plot.Axes.SetLimitsY(0, 100);
            plot.Axes.SetLimitsX(-0.5, weeks.Count - 0.5);
        }
        else
        {
            NoData(plot);
        }

        var best = weeks.Count > 0 ? weeks.MaxBy(w => w.Empathy) : null;
        var worst = weeks.Count > 0 ? weeks.MinBy(w => w.Empathy) : null;
        var alt = best is null || worst is null
            ? "Line chart of mean empathy by week: no replies in this range."
            : $"Line chart of mean empathy by week over {weeks.Count} weeks: highest {N(best.Empathy)} in the week of {D(best.Week)}, lowest {N(worst.Empathy)} in the week of {D(worst.Week)}. Figures in the table below.";
        return Chart("empathy-by-week", "Empathy by week", alt, plot);
    }

    private static ReportChart EmpathyByAgent(OverviewJson o)
    {
        var plot = NewPlot("Empathy by agent: raw and fair", null, "Mean empathy (0–100)");
        var agents = o.Agents;
        if (agents.Count > 0)
        {
            var bars = new List<Bar>();
            for (var i = 0; i < agents.Count; i++)
            {
                bars.Add(new Bar { Position = i - 0.2, Value = agents[i].Empathy, FillColor = Raw, Size = 0.38 });
                if (agents[i].FairEmpathy is { } fair)
                {
                    bars.Add(new Bar { Position = i + 0.2, Value = fair, FillColor = Warm, Size = 0.38 });
                }
            }

            plot.Add.Bars(bars);
            Ticks(plot, [.. agents.Select(a => a.Name)], rotate: agents.Count > 6);
            plot.Axes.SetLimitsY(0, 118); // room above 100 for the legend
            plot.Axes.SetLimitsX(-0.6, agents.Count - 0.4);
            Legend(plot, ("Raw", Raw), ("Fair (adjusted for starting upset)", Warm));
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.Legend.Alignment = Alignment.UpperRight;
        }
        else
        {
            NoData(plot);
        }

        var alt = agents.Count == 0
            ? "Bar chart of empathy by agent: no agent replied in this range."
            : $"Bar chart of each of {agents.Count} agents' mean empathy, raw (grey) beside fair (teal, adjusted for how upset customers were at the start). Figures in the table below.";
        return Chart("empathy-by-agent", "Empathy by agent: raw and fair", alt, plot);
    }

    private static ReportChart ConsistencyIndices(OverviewJson o)
    {
        var plot = NewPlot("Consistency: the same warmth whoever is at the desk, whatever the day", null, "Consistency index (0–100)");
        var readings = new[] { ("Across agents", o.AcrossAgents), ("Across days", o.AcrossDays) };
        var bars = new List<Bar>();
        for (var i = 0; i < readings.Length; i++)
        {
            if (readings[i].Item2 is { } r)
            {
                bars.Add(new Bar { Position = i, Value = r.Index, FillColor = i == 0 ? Accent : Warm, Size = 0.5, Label = N(r.Index) });
            }
        }

        if (bars.Count > 0)
        {
            var added = plot.Add.Bars(bars);
            added.ValueLabelStyle.FontSize = 16;
            Ticks(plot, [.. readings.Select(r => r.Item2 is null ? r.Item1 + " (too few replies)" : r.Item1)], rotate: false);
            plot.Axes.SetLimitsY(0, 110);
            plot.Axes.SetLimitsX(-0.6, 1.6);
        }
        else
        {
            NoData(plot, "Too few replies: consistency needs two agents or days with 5+ replies each");
        }

        string Say(string name, ConsistencyJson? r) => r is null
            ? $"{name}: not enough replies"
            : $"{name} {N(r.Index)} (spread {N(r.Spread)} points over {r.Groups} groups, {N(r.Lowest)} to {N(r.Highest)})";
        var alt = $"Bar chart of the two consistency indices (100 means every group's mean empathy is the same): {Say("across agents", o.AcrossAgents)}; {Say("across days", o.AcrossDays)}.";
        return Chart("consistency", "Consistency across agents and days", alt, plot);
    }

    private static ReportChart EmpathyAgainstResolution(OverviewJson o)
    {
        var plot = NewPlot("Empathy against resolution time, per agent", "Mean resolution time (hours)", "Mean empathy (0–100)");
        var timed = o.Agents.Where(a => a.ResolutionMinutes is not null && a.Quadrant is not null).ToList();
        if (timed.Count > 0)
        {
            // The server places agents against the medians of the agents it could place; the lines are those medians.
            var medianEmpathy = EffortQuadrants.Median(timed.Select(a => a.Empathy));
            var medianHours = EffortQuadrants.Median(timed.Select(a => a.ResolutionMinutes!.Value)) / 60;
            var maxHours = Math.Max(timed.Max(a => a.ResolutionMinutes!.Value) / 60, medianHours) * 1.25 + 0.1;
            plot.Axes.SetLimits(0, maxHours, 0, 100);

            var vertical = plot.Add.VerticalLine(medianHours, 1.5f, Color.FromHex("#64748b"), LinePattern.Dashed);
            vertical.LabelText = "median time";
            var horizontal = plot.Add.HorizontalLine(medianEmpathy, 1.5f, Color.FromHex("#64748b"), LinePattern.Dashed);
            horizontal.LabelText = "median empathy";

            Corner(plot, "Efficient and warm", 0.02 * maxHours, 98, Alignment.UpperLeft);
            Corner(plot, "Slow and warm", 0.98 * maxHours, 98, Alignment.UpperRight);
            Corner(plot, "Efficient but cold", 0.02 * maxHours, 2, Alignment.LowerLeft);
            Corner(plot, "Slow and cold", 0.98 * maxHours, 2, Alignment.LowerRight);

            foreach (var a in timed)
            {
                var x = a.ResolutionMinutes!.Value / 60;
                plot.Add.Marker(x, a.Empathy, MarkerShape.FilledCircle, 12, Accent);
                var label = plot.Add.Text(a.Name, x, a.Empathy);
                label.LabelFontSize = 13;
                label.LabelAlignment = Alignment.LowerLeft;
                label.OffsetX = 7;
                label.OffsetY = -4;
            }
        }
        else
        {
            NoData(plot, "No agent resolved enough conversations to be placed");
        }

        var alt = timed.Count == 0
            ? "Scatter chart of empathy against resolution time: no agent could be placed in this range."
            : $"Scatter chart of {timed.Count} agents, empathy against mean resolution time, split into four quadrants by the medians: " +
              string.Join(", ", timed.GroupBy(a => a.QuadrantName).Select(g => $"{g.Count()} {g.Key?.ToLowerInvariant()}")) + ". Figures in the table below.";
        return Chart("empathy-vs-resolution", "Empathy against resolution time", alt, plot);
    }

    private static ReportChart EmotionMix(OverviewJson o)
    {
        var plot = NewPlot("Incoming emotion mix by week", "Week starting", "Customer messages");
        var labels = EmotionLabels(o);
        var weeks = o.Emotions;
        if (weeks.Count > 0 && labels.Count > 0)
        {
            var bars = new List<Bar>();
            var legend = new List<(string, Color)>();
            var fallback = new Queue<Color>(new ScottPlot.Palettes.Category10().Colors);
            foreach (var label in labels)
            {
                var color = EmotionColors.TryGetValue(label, out var hex) ? Color.FromHex(hex) : fallback.Count > 0 ? fallback.Dequeue() : Colors.Gray;
                legend.Add((label, color));
            }

            for (var i = 0; i < weeks.Count; i++)
            {
                double bottom = 0;
                foreach (var (label, color) in legend)
                {
                    var count = weeks[i].Messages.GetValueOrDefault(label);
                    if (count > 0)
                    {
                        bars.Add(new Bar { Position = i, ValueBase = bottom, Value = bottom + count, FillColor = color, Size = 0.7 });
                        bottom += count;
                    }
                }
            }

            plot.Add.Bars(bars);
            WeekTicks(plot, [.. weeks.Select(w => w.Week)]);
            plot.Axes.Margins(bottom: 0);
            plot.Axes.SetLimitsX(-0.6, weeks.Count - 0.4);
            Legend(plot, [.. legend]);
            plot.Legend.Alignment = Alignment.UpperLeft;
        }
        else
        {
            NoData(plot);
        }

        var totals = labels.Select(l => (Label: l, Count: weeks.Sum(w => w.Messages.GetValueOrDefault(l)))).OrderByDescending(t => t.Count).ToList();
        var all = totals.Sum(t => t.Count);
        var alt = all == 0
            ? "Stacked bar chart of incoming customer messages by strongest feeling: no messages in this range."
            : $"Stacked bar chart of {all} incoming customer messages by strongest feeling over {weeks.Count} weeks, coloured as in the workspace; most common: " +
              string.Join(", ", totals.Take(3).Select(t => $"{t.Label} {t.Count}")) + ". Figures in the table below.";
        return Chart("emotion-mix", "Incoming emotion mix by week", alt, plot);
    }

    private static ReportChart ResponseTimes(OverviewJson o)
    {
        // First responses take minutes and resolutions hours or days: each gets its own axis (left and right).
        var plot = NewPlot("First response and resolution times by week", "Week starting", "First response (minutes)");
        plot.Axes.Right.Label.Text = "Resolution (hours)";
        plot.Axes.Right.Label.FontSize = 15;
        plot.Axes.Right.Label.ForeColor = Second;
        plot.Axes.Left.Label.ForeColor = Accent;
        var weeks = o.Responses;
        var xs = Enumerable.Range(0, weeks.Count).Select(i => (double)i).ToArray();
        var any = false;
        foreach (var (name, color, pick, right) in new (string, Color, Func<ResponseWeekJson, double?>, bool)[]
                 {
                     ("First response (minutes, left)", Accent, w => w.FirstResponseMinutes, false),
                     ("Resolution (hours, right)", Second, w => w.ResolutionMinutes / 60, true),
                 })
        {
            var points = weeks.Select((w, i) => (X: xs[i], Y: pick(w))).Where(p => p.Y is not null).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            any = true;
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray(), color);
            line.LineWidth = 3;
            line.MarkerSize = 10;
            line.LegendText = name;
            if (right)
            {
                line.Axes.YAxis = plot.Axes.Right;
                plot.Axes.SetLimitsY(0, Math.Max(points.Max(p => p.Y!.Value) * 1.2, 1), plot.Axes.Right);
            }
            else
            {
                plot.Axes.SetLimitsY(0, Math.Max(points.Max(p => p.Y!.Value) * 1.2, 1), plot.Axes.Left);
            }
        }

        if (any)
        {
            WeekTicks(plot, [.. weeks.Select(w => w.Week)]);
            plot.Axes.SetLimitsX(-0.5, weeks.Count - 0.5);
            plot.ShowLegend(Alignment.UpperLeft);
        }
        else
        {
            NoData(plot);
        }

        var alt = !any
            ? "Line chart of first response and resolution times by week: nothing answered or resolved in this range."
            : $"Line chart by week over {weeks.Count} weeks of mean first response time in minutes (blue, left axis) and mean resolution time in hours (orange, right axis): " +
              $"{weeks.Sum(w => w.FirstResponses)} first responses and {weeks.Sum(w => w.Resolved)} resolutions. Figures in the table below.";
        return Chart("response-times", "First response and resolution times by week", alt, plot);
    }

    private static Plot NewPlot(string title, string? x, string y)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans"); // Debian's fonts-dejavu-core; SkiaSharp falls back to any installed font.
        plot.Title(title, size: 18);
        plot.YLabel(y, size: 15);
        if (x is not null)
        {
            plot.XLabel(x, size: 15);
        }

        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Grid.MajorLineColor = Color.FromHex("#e2e8f0");
        return plot;
    }

    private static void WeekTicks(Plot plot, DateOnly[] weeks) =>
        Ticks(plot, [.. weeks.Select(w => w.ToString("d MMM", CultureInfo.InvariantCulture))], rotate: weeks.Length > 10);

    private static void Ticks(Plot plot, string[] labels, bool rotate)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, labels.Length).Select(i => (double)i)], [.. labels]);
        if (rotate)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 110;
        }
    }

    private static void Legend(Plot plot, params (string Label, Color Color)[] items)
    {
        foreach (var (label, color) in items)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color });
        }

        plot.ShowLegend();
        plot.Legend.FontSize = 13;
    }

    private static void Corner(Plot plot, string text, double x, double y, Alignment alignment)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = 14;
        label.LabelBold = true;
        label.LabelFontColor = Color.FromHex("#64748b");
        label.LabelAlignment = alignment;
    }

    private static void NoData(Plot plot, string message = "No data in this range")
    {
        plot.Axes.SetLimits(0, 1, 0, 1);
        var text = plot.Add.Text(message, 0.5, 0.5);
        text.LabelFontSize = 18;
        text.LabelAlignment = Alignment.MiddleCenter;
        text.LabelFontColor = Color.FromHex("#64748b");
        plot.HideGrid();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
    }

    private static ReportChart Chart(string id, string title, string alt, Plot plot) =>
        new(id, title, alt, plot.GetImageBytes(Width, Height, ImageFormat.Png));

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

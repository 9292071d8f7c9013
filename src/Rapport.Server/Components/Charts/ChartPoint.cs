namespace Rapport.Server.Components.Charts;

/// <summary>A point of a workspace chart: its label ("week of 3 Nov"), a axis label, the value and a detail line.</summary>
public sealed record ChartPoint(string Label, string AxisLabel, double Value, string Detail);

/// <summary>A dot of the empathy/handle-time scatter.</summary>
public sealed record ScatterPoint(long Id, string Label, double Empathy, double Minutes, string Quadrant);

using System.ComponentModel.DataAnnotations;

namespace Rapport.Desk.Knowledge;

/// <summary>The <c>Rapport:Knowledge</c> section.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Rapport:Knowledge";

    /// <summary>How often (at most) a search checks the table's change stamp, so that a change made by another server
    /// instance is in this one's index within that time. Default 2 seconds; 0 checks on every search.</summary>
    [Range(0, 3600)]
    public double StampCheckSeconds { get; set; } = 2;
}

using System.ComponentModel.DataAnnotations;

namespace Rapport.Server.Data;

/// <summary>The <c>Rapport:Database</c> section.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Rapport:Database";

    /// <summary>Sqlite (default, embedded) or PostgreSql (with ConnectionStrings:Rapport).</summary>
    [Required]
    [RegularExpression("^(Sqlite|PostgreSql)$", ErrorMessage = "Rapport:Database:Provider must be Sqlite or PostgreSql.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Seed the demo workspace when the database has no conversations.</summary>
    public bool SeedDemo { get; set; } = true;
}

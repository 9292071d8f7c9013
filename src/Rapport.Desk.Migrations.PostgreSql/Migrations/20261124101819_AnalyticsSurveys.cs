using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rapport.Desk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SurveyDaily",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    AgentId = table.Column<long>(type: "bigint", nullable: true),
                    Surveys = table.Column<int>(type: "integer", nullable: false),
                    Paired = table.Column<int>(type: "integer", nullable: false),
                    SumSatisfaction = table.Column<double>(type: "double precision", nullable: false),
                    SumUnderstood = table.Column<double>(type: "double precision", nullable: false),
                    SumEmpathy = table.Column<double>(type: "double precision", nullable: false),
                    SumEmpathySquares = table.Column<double>(type: "double precision", nullable: false),
                    SumPairedSatisfaction = table.Column<double>(type: "double precision", nullable: false),
                    SumPairedUnderstood = table.Column<double>(type: "double precision", nullable: false),
                    SumSatisfactionSquares = table.Column<double>(type: "double precision", nullable: false),
                    SumUnderstoodSquares = table.Column<double>(type: "double precision", nullable: false),
                    SumEmpathySatisfaction = table.Column<double>(type: "double precision", nullable: false),
                    SumEmpathyUnderstood = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyDaily", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyDaily_Day_AgentId",
                table: "SurveyDaily",
                columns: new[] { "Day", "AgentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyDaily");
        }
    }
}

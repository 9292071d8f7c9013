using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Desk.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Surveys = table.Column<int>(type: "INTEGER", nullable: false),
                    Paired = table.Column<int>(type: "INTEGER", nullable: false),
                    SumSatisfaction = table.Column<double>(type: "REAL", nullable: false),
                    SumUnderstood = table.Column<double>(type: "REAL", nullable: false),
                    SumEmpathy = table.Column<double>(type: "REAL", nullable: false),
                    SumEmpathySquares = table.Column<double>(type: "REAL", nullable: false),
                    SumPairedSatisfaction = table.Column<double>(type: "REAL", nullable: false),
                    SumPairedUnderstood = table.Column<double>(type: "REAL", nullable: false),
                    SumSatisfactionSquares = table.Column<double>(type: "REAL", nullable: false),
                    SumUnderstoodSquares = table.Column<double>(type: "REAL", nullable: false),
                    SumEmpathySatisfaction = table.Column<double>(type: "REAL", nullable: false),
                    SumEmpathyUnderstood = table.Column<double>(type: "REAL", nullable: false)
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

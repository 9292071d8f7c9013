using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Desk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Analytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnalyticsWatermarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsWatermarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmotionDaily",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Messages = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmotionDaily", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmpathyDaily",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UpsetBucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Replies = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreSum = table.Column<double>(type: "REAL", nullable: false),
                    ScoreSquares = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmpathyDaily", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResponseDaily",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FirstResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponsesWithinHour = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<double>(type: "REAL", nullable: false),
                    ResolvedWithinDay = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseDaily", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_CreatedAt",
                table: "Messages",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EmotionDaily_Day_AgentId",
                table: "EmotionDaily",
                columns: new[] { "Day", "AgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_EmpathyDaily_Day_AgentId",
                table: "EmpathyDaily",
                columns: new[] { "Day", "AgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseDaily_Day_AgentId",
                table: "ResponseDaily",
                columns: new[] { "Day", "AgentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnalyticsWatermarks");

            migrationBuilder.DropTable(
                name: "EmotionDaily");

            migrationBuilder.DropTable(
                name: "EmpathyDaily");

            migrationBuilder.DropTable(
                name: "ResponseDaily");

            migrationBuilder.DropIndex(
                name: "IX_Messages_CreatedAt",
                table: "Messages");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Desk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Sla : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DueWork",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DueWork", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaClocks",
                columns: table => new
                {
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BaseTargetSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    TargetSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    TightenedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LastFrustration = table.Column<double>(type: "REAL", nullable: false),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WarnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BreachedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaClocks", x => x.ConversationId);
                    table.ForeignKey(
                        name: "FK_SlaClocks_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaOutcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Met = table.Column<bool>(type: "INTEGER", nullable: false),
                    TightenedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaOutcomes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TeamHours",
                columns: table => new
                {
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Week = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Holidays = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamHours", x => x.TeamId);
                    table.ForeignKey(
                        name: "FK_TeamHours_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DueWork_DoneAt_DueAt",
                table: "DueWork",
                columns: new[] { "DoneAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DueWork_Kind_SubjectId",
                table: "DueWork",
                columns: new[] { "Kind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaAlerts_ConversationId",
                table: "SlaAlerts",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaAlerts_CreatedAt",
                table: "SlaAlerts",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SlaClocks_DueAt",
                table: "SlaClocks",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_SlaOutcomes_AgentId_RespondedAt",
                table: "SlaOutcomes",
                columns: new[] { "AgentId", "RespondedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaOutcomes_ConversationId",
                table: "SlaOutcomes",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaOutcomes_RespondedAt",
                table: "SlaOutcomes",
                column: "RespondedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SlaOutcomes_TeamId_RespondedAt",
                table: "SlaOutcomes",
                columns: new[] { "TeamId", "RespondedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_Channel_Priority",
                table: "SlaPolicies",
                columns: new[] { "Channel", "Priority" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DueWork");

            migrationBuilder.DropTable(
                name: "SlaAlerts");

            migrationBuilder.DropTable(
                name: "SlaClocks");

            migrationBuilder.DropTable(
                name: "SlaOutcomes");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "TeamHours");
        }
    }
}

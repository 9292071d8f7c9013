using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Desk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssistantKnowledgePromisesDrillDown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Questions",
                table: "KnowledgeArticles",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "AssistantAnswers",
                columns: table => new
                {
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ArticleSlug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    ArticleTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Generated = table.Column<bool>(type: "INTEGER", nullable: false),
                    RefinerNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    HandOff = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistantAnswers", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_AssistantAnswers_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConversationEmpathy",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FirstDay = table.Column<int>(type: "INTEGER", nullable: false),
                    LastDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Replies = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreSum = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationEmpathy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandOffs",
                columns: table => new
                {
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    HandedOffAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Assignment = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BriefJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandOffs", x => x.ConversationId);
                    table.ForeignKey(
                        name: "FK_HandOffs_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HandOffs_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PromiseDaily",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Made = table.Column<int>(type: "INTEGER", nullable: false),
                    Kept = table.Column<int>(type: "INTEGER", nullable: false),
                    KeptLate = table.Column<int>(type: "INTEGER", nullable: false),
                    Broken = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromiseDaily", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEmpathy_ConversationId",
                table: "ConversationEmpathy",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEmpathy_LastDay_FirstDay",
                table: "ConversationEmpathy",
                columns: new[] { "LastDay", "FirstDay" });

            migrationBuilder.CreateIndex(
                name: "IX_HandOffs_AgentId",
                table: "HandOffs",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_HandOffs_HandedOffAt",
                table: "HandOffs",
                column: "HandedOffAt");

            migrationBuilder.CreateIndex(
                name: "IX_PromiseDaily_Day_AgentId",
                table: "PromiseDaily",
                columns: new[] { "Day", "AgentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistantAnswers");

            migrationBuilder.DropTable(
                name: "ConversationEmpathy");

            migrationBuilder.DropTable(
                name: "HandOffs");

            migrationBuilder.DropTable(
                name: "PromiseDaily");

            migrationBuilder.DropColumn(
                name: "Questions",
                table: "KnowledgeArticles");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Desk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Assistant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_HandOffs_AgentId",
                table: "HandOffs",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_HandOffs_HandedOffAt",
                table: "HandOffs",
                column: "HandedOffAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistantAnswers");

            migrationBuilder.DropTable(
                name: "HandOffs");
        }
    }
}

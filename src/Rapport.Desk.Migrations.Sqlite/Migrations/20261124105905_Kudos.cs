using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Desk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Kudos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Kudos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromAgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 280, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kudos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kudos_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Kudos_Agents_FromAgentId",
                        column: x => x.FromAgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Kudos_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Kudos_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "KudosSuggestionDecisions",
                columns: table => new
                {
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    KudosId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedById = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KudosSuggestionDecisions", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_KudosSuggestionDecisions_Agents_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_KudosSuggestionDecisions_Kudos_KudosId",
                        column: x => x.KudosId,
                        principalTable: "Kudos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_KudosSuggestionDecisions_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_AgentId_CreatedAt",
                table: "Kudos",
                columns: new[] { "AgentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_ConversationId",
                table: "Kudos",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_CreatedAt",
                table: "Kudos",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_FromAgentId",
                table: "Kudos",
                column: "FromAgentId");

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_MessageId",
                table: "Kudos",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_KudosSuggestionDecisions_ConversationId_AgentId",
                table: "KudosSuggestionDecisions",
                columns: new[] { "ConversationId", "AgentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KudosSuggestionDecisions_DecidedById",
                table: "KudosSuggestionDecisions",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_KudosSuggestionDecisions_KudosId",
                table: "KudosSuggestionDecisions",
                column: "KudosId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KudosSuggestionDecisions");

            migrationBuilder.DropTable(
                name: "Kudos");
        }
    }
}

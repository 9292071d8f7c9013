using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rapport.Desk.Migrations.PostgreSql.Migrations
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
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "AssistantAnswers",
                columns: table => new
                {
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ArticleSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    ArticleTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    Generated = table.Column<bool>(type: "boolean", nullable: false),
                    RefinerNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    HandOff = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<long>(type: "bigint", nullable: false),
                    AgentId = table.Column<long>(type: "bigint", nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FirstDay = table.Column<int>(type: "integer", nullable: false),
                    LastDay = table.Column<int>(type: "integer", nullable: false),
                    Replies = table.Column<int>(type: "integer", nullable: false),
                    ScoreSum = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationEmpathy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandOffs",
                columns: table => new
                {
                    ConversationId = table.Column<long>(type: "bigint", nullable: false),
                    HandedOffAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    AgentId = table.Column<long>(type: "bigint", nullable: true),
                    Assignment = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    BriefJson = table.Column<string>(type: "text", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    AgentId = table.Column<long>(type: "bigint", nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Made = table.Column<int>(type: "integer", nullable: false),
                    Kept = table.Column<int>(type: "integer", nullable: false),
                    KeptLate = table.Column<int>(type: "integer", nullable: false),
                    Broken = table.Column<int>(type: "integer", nullable: false)
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

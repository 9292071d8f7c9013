using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Desk.Migrations.PostgreSql.Migrations
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Desk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportsLabelsSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_ExternalId",
                table: "Messages");

            migrationBuilder.AddColumn<int>(
                name: "ReplyScoreThreshold",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: 50);

            migrationBuilder.AddColumn<bool>(
                name: "SentBelowThreshold",
                table: "Messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ExternalKey",
                table: "Conversations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Labels",
                table: "Conversations",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "PasswordHash",
                table: "Agents",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ExternalId",
                table: "Messages",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ExternalKey",
                table: "Conversations",
                column: "ExternalKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_ExternalId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_ExternalKey",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ReplyScoreThreshold",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "SentBelowThreshold",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ExternalKey",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Labels",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "PasswordHash",
                table: "Agents");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ExternalId",
                table: "Messages",
                column: "ExternalId");
        }
    }
}

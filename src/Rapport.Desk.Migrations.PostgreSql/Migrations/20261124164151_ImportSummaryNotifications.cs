using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Desk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ImportSummaryNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "Notifications",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Count",
                table: "Notifications");
        }
    }
}

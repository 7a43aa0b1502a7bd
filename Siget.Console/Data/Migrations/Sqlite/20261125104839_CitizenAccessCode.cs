using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Siget.Console.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CitizenAccessCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccessCodeHash",
                table: "Tickets",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitizenDocument",
                table: "Tickets",
                type: "TEXT",
                maxLength: 12,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccessCodeHash",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "CitizenDocument",
                table: "Tickets");
        }
    }
}

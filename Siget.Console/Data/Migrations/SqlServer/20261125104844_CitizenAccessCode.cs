using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Siget.Console.Data.Migrations.SqlServer
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
                type: "nvarchar(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitizenDocument",
                table: "Tickets",
                type: "nvarchar(12)",
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

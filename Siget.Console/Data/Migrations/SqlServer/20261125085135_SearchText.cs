using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Siget.Console.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Tickets",
                type: "nvarchar(600)",
                maxLength: 600,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "AspNetUsers",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            // Rows written before this column existed get a lower-case copy (accents kept; new rows fold them too).
            migrationBuilder.Sql("UPDATE Tickets SET SearchText = LOWER(CONCAT(Number, ' ', Subject, ' ', RequesterName, ' ', UnitName));");
            migrationBuilder.Sql("UPDATE AspNetUsers SET SearchName = LOWER(CONCAT(FullName, ' ', UserName));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "AspNetUsers");
        }
    }
}

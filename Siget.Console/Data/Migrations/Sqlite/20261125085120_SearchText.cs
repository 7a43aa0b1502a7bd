using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Siget.Console.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 600,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            // Rows written before this column existed get a lower-case copy (accents kept; new rows fold them too).
            migrationBuilder.Sql("UPDATE Tickets SET SearchText = lower(Number || ' ' || Subject || ' ' || RequesterName || ' ' || coalesce(UnitName, ''));");
            migrationBuilder.Sql("UPDATE AspNetUsers SET SearchName = lower(FullName || ' ' || coalesce(UserName, ''));");
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

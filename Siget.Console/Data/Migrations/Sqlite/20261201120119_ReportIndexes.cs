using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Siget.Console.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ClosedAtUtc",
                table: "Tickets",
                column: "ClosedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_RegisteredAtUtc",
                table: "Tickets",
                column: "RegisteredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolvedAtUtc",
                table: "Tickets",
                column: "ResolvedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_ClosedAtUtc",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_RegisteredAtUtc",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolvedAtUtc",
                table: "Tickets");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Siget.Console.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PartialReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_ClosedAtUtc",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolvedAtUtc",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ClosedAtUtc",
                table: "Tickets",
                column: "ClosedAtUtc",
                filter: "\"ClosedAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolvedAtUtc",
                table: "Tickets",
                column: "ResolvedAtUtc",
                filter: "\"ResolvedAtUtc\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_ClosedAtUtc",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolvedAtUtc",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ClosedAtUtc",
                table: "Tickets",
                column: "ClosedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolvedAtUtc",
                table: "Tickets",
                column: "ResolvedAtUtc");
        }
    }
}

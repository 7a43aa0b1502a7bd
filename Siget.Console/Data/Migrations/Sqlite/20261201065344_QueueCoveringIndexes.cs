using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Siget.Console.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_State_Level_Priority_Preferential_NextDueUtc",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_VendorCompanyId",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_State_Level_AssigneeId_Priority_Preferential_NextDueUtc_VendorCompanyId_RegisteredAtUtc",
                table: "Tickets",
                columns: new[] { "State", "Level", "AssigneeId", "Priority", "Preferential", "NextDueUtc", "VendorCompanyId", "RegisteredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_VendorCompanyId_Level_State",
                table: "Tickets",
                columns: new[] { "VendorCompanyId", "Level", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_State_Level_AssigneeId_Priority_Preferential_NextDueUtc_VendorCompanyId_RegisteredAtUtc",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_VendorCompanyId_Level_State",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_State_Level_Priority_Preferential_NextDueUtc",
                table: "Tickets",
                columns: new[] { "State", "Level", "Priority", "Preferential", "NextDueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_VendorCompanyId",
                table: "Tickets",
                column: "VendorCompanyId");
        }
    }
}

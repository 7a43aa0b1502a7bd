using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Siget.Console.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class KeptTicketFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TicketFigures",
                columns: table => new
                {
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    TicketVersion = table.Column<long>(type: "bigint", nullable: false),
                    FirstResponseTicks = table.Column<long>(type: "bigint", nullable: true),
                    ResolutionTicks = table.Column<long>(type: "bigint", nullable: true),
                    Nivel1Ticks = table.Column<long>(type: "bigint", nullable: true),
                    Nivel2Ticks = table.Column<long>(type: "bigint", nullable: true),
                    Nivel3Ticks = table.Column<long>(type: "bigint", nullable: true),
                    Nivel4Ticks = table.Column<long>(type: "bigint", nullable: true),
                    DireccionEjecutivaTicks = table.Column<long>(type: "bigint", nullable: true),
                    RunningLevel = table.Column<int>(type: "integer", nullable: true),
                    RunningSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reopenings = table.Column<int>(type: "integer", nullable: false),
                    Escalations = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketFigures", x => x.TicketId);
                    table.ForeignKey(
                        name: "FK_TicketFigures_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketFigures");
        }
    }
}

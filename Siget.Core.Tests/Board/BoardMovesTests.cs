using Siget.Core.Board;
using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Board;

/// <summary>What dropping a ticket's card on a column of the supervisor board means.</summary>
public class BoardMovesTests
{
    private static readonly string Technician = Actors.Technician.UserId;
    private static readonly string OtherTechnician = Actors.OtherTechnician.UserId;
    private static readonly string Specialist = Actors.Specialist.UserId;
    private static readonly int Vendor = Actors.VendorCompany.Id;
    private static readonly int OtherVendor = Actors.OtherVendorCompany.Id;

    private static BoardLane Queue(SupportLevel level) => new(level);
    private static BoardLane PersonLane(SupportLevel level, string id) => new(level, id);
    private static BoardLane VendorLane(int company) => new(SupportLevel.Nivel3, null, company);

    public static TheoryData<SupportLevel, string?, int?, BoardLane, BoardMoveKind> Drops() => new()
    {
        // ticket level, assignee, vendor company, dropped on, meaning
        { SupportLevel.Nivel1, Technician, null, PersonLane(SupportLevel.Nivel1, OtherTechnician), BoardMoveKind.Reasignar },
        { SupportLevel.Nivel1, null, null, PersonLane(SupportLevel.Nivel1, Technician), BoardMoveKind.Reasignar },      // assigning from the queue
        { SupportLevel.Nivel1, Technician, null, PersonLane(SupportLevel.Nivel1, Technician), BoardMoveKind.Ninguno },  // its own lane
        { SupportLevel.Nivel1, null, null, Queue(SupportLevel.Nivel1), BoardMoveKind.Ninguno },
        { SupportLevel.Nivel1, Technician, null, Queue(SupportLevel.Nivel1), BoardMoveKind.Liberar },
        { SupportLevel.Nivel2, Specialist, null, Queue(SupportLevel.Nivel2), BoardMoveKind.Liberar },
        { SupportLevel.Nivel1, Technician, null, Queue(SupportLevel.Nivel2), BoardMoveKind.Escalar },
        { SupportLevel.Nivel1, null, null, PersonLane(SupportLevel.Nivel2, Specialist), BoardMoveKind.Escalar },
        { SupportLevel.Nivel2, Specialist, null, VendorLane(Vendor), BoardMoveKind.Escalar },
        { SupportLevel.Nivel3, null, Vendor, Queue(SupportLevel.Nivel4), BoardMoveKind.Escalar },
        { SupportLevel.Nivel2, Specialist, null, Queue(SupportLevel.Nivel4), BoardMoveKind.Escalar },                  // to the Ejecutivo (row 4)
        { SupportLevel.Nivel2, null, null, PersonLane(SupportLevel.Nivel4, Actors.Supervisor.UserId), BoardMoveKind.Escalar },
        { SupportLevel.Nivel4, null, Vendor, Queue(SupportLevel.DireccionEjecutiva), BoardMoveKind.Escalar },
        { SupportLevel.Nivel2, Specialist, null, Queue(SupportLevel.Nivel1), BoardMoveKind.Devolver },
        { SupportLevel.Nivel2, Specialist, null, PersonLane(SupportLevel.Nivel1, Technician), BoardMoveKind.Devolver },
        { SupportLevel.Nivel4, null, Vendor, VendorLane(OtherVendor), BoardMoveKind.Devolver },
        { SupportLevel.DireccionEjecutiva, null, null, Queue(SupportLevel.Nivel1), BoardMoveKind.Devolver },
        { SupportLevel.Nivel3, Actors.Vendor.UserId, Vendor, VendorLane(Vendor), BoardMoveKind.Ninguno },              // the company's own lane
        { SupportLevel.Nivel3, null, Vendor, VendorLane(Vendor), BoardMoveKind.Ninguno },
    };

    [Theory]
    [MemberData(nameof(Drops))]
    public void A_drop_means_what_the_column_is_to_the_ticket(SupportLevel level, string? assignee, int? vendor, BoardLane target, BoardMoveKind kind)
    {
        var move = BoardMoves.Plan(level, assignee, vendor, target);

        move.Kind.Should().Be(kind);
        move.Refusal.Should().BeNull();
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1, SupportLevel.Nivel3, "La matriz de escalamiento lleva un ticket de Nivel 1 · Soporte técnico a Nivel 2 · Especialistas de TI.")]
    [InlineData(SupportLevel.Nivel1, SupportLevel.Nivel4, "La matriz de escalamiento lleva un ticket de Nivel 1 · Soporte técnico a Nivel 2 · Especialistas de TI.")]
    [InlineData(SupportLevel.Nivel1, SupportLevel.DireccionEjecutiva, "La matriz de escalamiento lleva un ticket de Nivel 1 · Soporte técnico a Nivel 2 · Especialistas de TI.")]
    [InlineData(SupportLevel.Nivel2, SupportLevel.DireccionEjecutiva, "La matriz de escalamiento lleva un ticket de Nivel 2 · Especialistas de TI a Nivel 3 · Proveedor o a Nivel 4 · Ejecutivo de la UTI.")]
    [InlineData(SupportLevel.Nivel3, SupportLevel.DireccionEjecutiva, "La matriz de escalamiento lleva un ticket de Nivel 3 · Proveedor a Nivel 4 · Ejecutivo de la UTI.")]
    public void A_drop_on_a_level_the_matrix_does_not_send_the_ticket_to_is_refused_saying_where_it_may_go(SupportLevel from, SupportLevel to, string message)
    {
        var target = to == SupportLevel.Nivel3 ? VendorLane(Vendor) : Queue(to);

        var move = BoardMoves.Plan(from, null, from == SupportLevel.Nivel3 ? Vendor : null, target);

        move.Should().Be(BoardMove.Refused(message));
        move.Kind.Should().Be(BoardMoveKind.Rechazado);
    }

    /// <summary>The board's drop targets follow the escalation matrix: every pair of levels, upwards.</summary>
    [Theory]
    [InlineData(SupportLevel.Nivel1)]
    [InlineData(SupportLevel.Nivel2)]
    [InlineData(SupportLevel.Nivel3)]
    [InlineData(SupportLevel.Nivel4)]
    [InlineData(SupportLevel.DireccionEjecutiva)]
    public void Dropping_on_a_higher_level_escalates_exactly_where_the_matrix_has_a_route(SupportLevel from)
    {
        foreach (var to in Enum.GetValues<SupportLevel>().Where(l => l > from))
        {
            var target = to == SupportLevel.Nivel3 ? VendorLane(Vendor) : Queue(to);
            var kind = BoardMoves.Plan(from, null, from == SupportLevel.Nivel3 ? Vendor : null, target).Kind;
            kind.Should().Be(EscalationMatrix.Route(from, to) is null ? BoardMoveKind.Rechazado : BoardMoveKind.Escalar, $"{from} → {to}");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Moving_a_level_3_ticket_to_another_vendor_company_is_refused(bool assigned)
    {
        var move = BoardMoves.Plan(SupportLevel.Nivel3, assigned ? Actors.Vendor.UserId : null, Vendor, VendorLane(OtherVendor));

        move.Kind.Should().Be(BoardMoveKind.Rechazado);
        move.Refusal.Should().Be("Para cambiar de empresa proveedora, devuelva el ticket al Nivel 2 y escálelo de nuevo.");
    }

    [Fact]
    public void A_ticket_is_planned_from_where_it_sits()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso); // level 1, held by the technician

        BoardMoves.Plan(ticket, BoardLane.Of(ticket.Level, ticket.AssigneeId, ticket.VendorCompanyId)).Should().Be(BoardMove.None);
        BoardMoves.Plan(ticket, PersonLane(SupportLevel.Nivel1, OtherTechnician)).Kind.Should().Be(BoardMoveKind.Reasignar);
        BoardMoves.Plan(ticket, Queue(SupportLevel.Nivel1)).Kind.Should().Be(BoardMoveKind.Liberar);
        BoardMoves.Plan(ticket, PersonLane(SupportLevel.Nivel2, Specialist)).Kind.Should().Be(BoardMoveKind.Escalar);
    }

    [Fact]
    public void A_level_3_ticket_sits_in_its_companys_lane_whoever_holds_it()
    {
        BoardLane.Of(SupportLevel.Nivel3, Actors.Vendor.UserId, Vendor).Should().Be(VendorLane(Vendor));
        BoardLane.Of(SupportLevel.Nivel3, null, Vendor).Should().Be(VendorLane(Vendor));
        BoardLane.Of(SupportLevel.Nivel2, Specialist, Vendor).Should().Be(PersonLane(SupportLevel.Nivel2, Specialist),
            "a ticket back at level 2 keeps its vendor company but sits with its specialist");
        BoardLane.Of(SupportLevel.Nivel1, null, null).IsQueue.Should().BeTrue();
        VendorLane(Vendor).IsQueue.Should().BeFalse();
    }

    public static TheoryData<BoardLane, string> Lanes() => new()
    {
        { Queue(SupportLevel.Nivel1), "1:cola" },
        { Queue(SupportLevel.DireccionEjecutiva), "5:cola" },
        { PersonLane(SupportLevel.Nivel2, "e-rosa"), "2:p:e-rosa" },
        { PersonLane(SupportLevel.Nivel4, "a:b"), "4:p:a:b" }, // an id with a colon survives
        { VendorLane(7), "3:v:7" },
    };

    [Theory]
    [MemberData(nameof(Lanes))]
    public void A_lane_id_reads_back_as_the_same_lane(BoardLane lane, string id)
    {
        lane.Id.Should().Be(id);
        BoardLane.Parse(id).Should().Be(lane);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cola")]
    [InlineData("1")]
    [InlineData("1:")]
    [InlineData("0:cola")]
    [InlineData("6:cola")]
    [InlineData("x:cola")]
    [InlineData("1:cola:extra")]
    [InlineData("1:persona")]
    [InlineData("1:p")]
    [InlineData("1:p:")]
    [InlineData("3:v")]
    [InlineData("3:v:")]
    [InlineData("3:v:siete")]
    public void A_malformed_lane_id_reads_as_no_lane(string? id)
    {
        BoardLane.Parse(id).Should().BeNull();
    }
}

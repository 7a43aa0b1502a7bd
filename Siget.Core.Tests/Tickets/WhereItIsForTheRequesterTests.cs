using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

/// <summary>
/// The portal's "where it is" phrase for every level × state × (assigned or not) (issue 16 item 38): who is on it, in
/// the requester's words, for the level it is at; the person who resolved it; nothing once it is closed.
/// </summary>
public class WhereItIsForTheRequesterTests
{
    private const string Who = "Ana Ruiz";

    /// <summary>Written out by hand: level, state, assigned → phrase (null: no phrase).</summary>
    private static readonly Dictionary<(SupportLevel, TicketState, bool), string?> Expected = Build();

    private static Dictionary<(SupportLevel, TicketState, bool), string?> Build()
    {
        var open = new Dictionary<SupportLevel, (string Unassigned, string Assigned)>
        {
            [SupportLevel.Nivel1] = ("En atención por soporte · esperando a un técnico", $"En atención por soporte · a cargo de {Who}"),
            [SupportLevel.Nivel2] = ("Escalado a especialista · esperando a un especialista", $"Escalado a especialista · a cargo de {Who}"),
            [SupportLevel.Nivel3] = ("Con proveedor externo · esperando a la empresa proveedora", $"Con proveedor externo · a cargo de {Who}"),
            [SupportLevel.Nivel4] = ("En revisión por la jefatura de la UTI", $"En revisión por la jefatura de la UTI · a cargo de {Who}"),
            [SupportLevel.DireccionEjecutiva] = ("En revisión por la Dirección Ejecutiva", $"En revisión por la Dirección Ejecutiva · seguimiento de {Who}"),
        };
        var table = new Dictionary<(SupportLevel, TicketState, bool), string?>();
        foreach (var (level, phrase) in open)
        {
            // En cola and En proceso differ only in who is on it: an assigned ticket says who, whatever its state.
            foreach (var state in new[] { TicketState.EnCola, TicketState.EnProceso })
            {
                table[(level, state, false)] = phrase.Unassigned;
                table[(level, state, true)] = phrase.Assigned;
            }
            table[(level, TicketState.Resuelto, false)] = "Resuelto por la UTI";
            table[(level, TicketState.Resuelto, true)] = $"Resuelto por {Who}";
            foreach (var closed in new[] { TicketState.Finalizado, TicketState.Anulado })
            {
                table[(level, closed, false)] = null;
                table[(level, closed, true)] = null;
            }
        }
        return table;
    }

    public static TheoryData<SupportLevel, TicketState, bool> EveryCombination()
    {
        var data = new TheoryData<SupportLevel, TicketState, bool>();
        foreach (var level in Enum.GetValues<SupportLevel>())
            foreach (var state in Enum.GetValues<TicketState>())
                foreach (var assigned in new[] { false, true })
                    data.Add(level, state, assigned);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void The_phrase_says_where_the_ticket_is_and_who_is_on_it_in_the_requesters_words(SupportLevel level, TicketState state, bool assigned)
    {
        var phrase = RequesterWording.WhereItIs(level, state, assigned ? Who : null);

        phrase.Should().Be(Expected[(level, state, assigned)]);
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void No_phrase_names_staff_of_another_level_than_the_tickets(SupportLevel level, TicketState state, bool assigned)
    {
        var phrase = RequesterWording.WhereItIs(level, state, assigned ? Who : null) ?? "";

        if (level != SupportLevel.Nivel1) phrase.Should().NotContain("esperando a un técnico", "only level 1 waits for a técnico of the UTI");
        if (level != SupportLevel.Nivel2) phrase.Should().NotContain("especialista");
        if (level != SupportLevel.Nivel3) phrase.Should().NotContain("proveedor");
    }

    [Fact]
    public void A_real_ticket_reads_the_same_as_the_table_at_each_step()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(TicketState.EnCola);
        Phrase(ticket).Should().Be("Escalado a especialista · esperando a un especialista");

        ticket.Take(Actors.Specialist, builder.Tick());
        Phrase(ticket).Should().Be($"Escalado a especialista · a cargo de {Actors.Specialist.Name}");

        ticket.Cancel(Actors.Supervisor, "Duplicado.", builder.Tick());
        Phrase(ticket).Should().BeNull("a cancelled ticket is nowhere any more");

        static string? Phrase(Ticket t) => RequesterWording.WhereItIs(t.Level, t.State, t.AssigneeName);
    }
}

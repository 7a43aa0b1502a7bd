using Siget.Core.Access;
using Siget.Core.Problems;
using Siget.Core.Tests.Support;

namespace Siget.Core.Tests.Problems;

public class ProblemLifecycleTests
{
    private static readonly DateTime Opened = TicketBuilder.Start;

    internal static Problem Open(Actor? by = null) => Problem.Register(2026, 7, "Lentitud de internet en varias sedes",
        "Páginas que cargan muy lento en horas punta.", 19, 3, "Unidad de Administración", by ?? Actors.Supervisor, Opened);

    [Fact]
    public void A_problem_is_numbered_by_year_and_starts_open_with_its_registration_in_the_history()
    {
        var problem = Open();

        problem.Number.Should().Be("PRB-2026-0007");
        problem.State.Should().Be(ProblemState.Abierto);
        problem.Version.Should().Be(1);
        problem.History.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Action = ProblemAction.Registrar, ActorName = "Carmen Quispe", AtUtc = Opened, ToState = (ProblemState?)ProblemState.Abierto,
        });
    }

    [Theory]
    [InlineData(Person.Technician)]
    [InlineData(Person.Requester)]
    [InlineData(Person.Vendor)]
    [InlineData(Person.Administrator)]
    public void Only_specialists_and_the_supervisor_register_problems(Person person)
    {
        var register = () => Open(Actors.Of(person));
        register.Should().Throw<DomainException>().WithMessage(ProblemAccess.ManageRefusal);
        Open(Actors.Specialist).RegisteredByName.Should().Be(Actors.Specialist.Name);
    }

    [Fact]
    public void Title_and_description_are_required_and_bounded()
    {
        var noTitle = () => Problem.Register(2026, 1, "  ", "x", 19, null, null, Actors.Supervisor, Opened);
        var longTitle = () => Problem.Register(2026, 1, new string('a', ProblemLimits.TitleMaxLength + 1), "x", 19, null, null, Actors.Supervisor, Opened);
        var noDescription = () => Problem.Register(2026, 1, "Título", "", 19, null, null, Actors.Supervisor, Opened);

        noTitle.Should().Throw<DomainException>().WithMessage("Complete el título del problema.");
        longTitle.Should().Throw<DomainException>().WithMessage($"Escriba como máximo {ProblemLimits.TitleMaxLength} caracteres en el título del problema.");
        noDescription.Should().Throw<DomainException>().WithMessage("Complete la descripción del problema.");
    }

    [Fact]
    public void Assigning_starts_the_analysis_known_error_then_resolution_record_each_step()
    {
        var problem = Open();
        problem.Assign(Actors.Supervisor, Actors.Specialist, Opened.AddMinutes(5));
        problem.RecordKnownError(Actors.Specialist, "Enlace principal saturado.", "Usar el enlace de respaldo en horas punta.", Opened.AddHours(2));
        problem.Resolve(Actors.Specialist, "Enlace principal saturado.", "Se amplió el ancho de banda a 200 Mbps.", Opened.AddDays(1));

        problem.State.Should().Be(ProblemState.Resuelto);
        problem.OwnerName.Should().Be(Actors.Specialist.Name);
        problem.Workaround.Should().Be("Usar el enlace de respaldo en horas punta.");
        problem.Solution.Should().Be("Se amplió el ancho de banda a 200 Mbps.");
        problem.ResolvedAtUtc.Should().Be(Opened.AddDays(1));
        problem.Version.Should().Be(4);
        problem.History.Select(h => (h.Action, h.FromState, h.ToState)).Should().Equal(
            (ProblemAction.Registrar, (ProblemState?)null, (ProblemState?)ProblemState.Abierto),
            (ProblemAction.Asignar, ProblemState.Abierto, ProblemState.EnAnalisis),
            (ProblemAction.RegistrarErrorConocido, ProblemState.EnAnalisis, ProblemState.ErrorConocido),
            (ProblemAction.Resolver, ProblemState.ErrorConocido, ProblemState.Resuelto));
        problem.History[1].Reason.Should().Be("A cargo de Rosa Paredes");
    }

    [Fact]
    public void Resolving_needs_the_root_cause_and_the_solution()
    {
        var problem = Open();
        var noCause = () => problem.Resolve(Actors.Supervisor, "", "Se cambió el router.", Opened.AddHours(1));
        var noSolution = () => problem.Resolve(Actors.Supervisor, "Router dañado.", " ", Opened.AddHours(1));

        noCause.Should().Throw<DomainException>().WithMessage("Complete la causa raíz.");
        noSolution.Should().Throw<DomainException>().WithMessage("Complete la solución.");
        problem.State.Should().Be(ProblemState.Abierto);
        problem.History.Should().HaveCount(1);
    }

    [Fact]
    public void Only_a_specialist_or_supervisor_may_own_the_analysis()
    {
        var problem = Open();
        var toTechnician = () => problem.Assign(Actors.Supervisor, Actors.Technician, Opened.AddMinutes(1));
        toTechnician.Should().Throw<DomainException>().WithMessage("Luis Mendoza no gestiona problemas*");
    }

    [Fact]
    public void A_resolved_problem_reopens_to_analysis_and_a_discarded_one_accepts_nothing_more()
    {
        var problem = Open();
        problem.Resolve(Actors.Supervisor, "Causa", "Solución", Opened.AddHours(1));
        problem.Reopen(Actors.Specialist, "Los cortes volvieron.", Opened.AddDays(2));
        problem.State.Should().Be(ProblemState.EnAnalisis);
        problem.ResolvedAtUtc.Should().BeNull();
        problem.Solution.Should().BeNull("the solution did not hold");
        problem.History.Single(h => h.Action == ProblemAction.Resolver).Reason.Should().Be("Solución");

        var bySpecialist = () => problem.Discard(Actors.Specialist, "Coincidencia.", Opened.AddDays(3));
        bySpecialist.Should().Throw<DomainException>().WithMessage("Solo el Ejecutivo de la UTI descarta un problema.");
        problem.Discard(Actors.Supervisor, "Coincidencia.", Opened.AddDays(3));
        problem.State.Should().Be(ProblemState.Descartado);

        var resolve = () => problem.Resolve(Actors.Supervisor, "Causa", "Solución", Opened.AddDays(4));
        resolve.Should().Throw<DomainException>().WithMessage("No se puede resolver un problema descartado.");
        var link = () => problem.Link(Actors.Supervisor, new TicketBuilder().Registered(), Opened.AddDays(4));
        link.Should().Throw<DomainException>().WithMessage("El problema PRB-2026-0007 está descartado; no admite incidentes.");
    }

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(100, 90, true)]
    [InlineData(1, 7, false)]
    [InlineData(5, 0, false)]
    [InlineData(101, 7, false)]
    [InlineData(5, 91, false)]
    public void The_recurrence_rule_accepts_thresholds_and_windows_within_bounds(int threshold, int days, bool valid)
    {
        new RecurrenceRule { Threshold = threshold, WindowDays = days }.Problems().Any().Should().Be(!valid);
    }
}

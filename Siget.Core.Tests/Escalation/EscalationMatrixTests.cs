using Siget.Core.Access;
using Siget.Core.Escalation;

namespace Siget.Core.Tests.Escalation;

/// <summary>Anexo 3 read row by row: each row's responsible person sends a case to that row's destination, for that
/// row's criteria (decided 2026-12-02, issue 16 item 27).</summary>
public class EscalationMatrixTests
{
    private static readonly string[] Row1 = ["N1-RECURSOS", "N1-TIEMPO", "N1-IMPACTO"];
    private static readonly string[] Row2 = ["N2-CONOCIMIENTO", "N2-INFRAESTRUCTURA", "N2-AREAS"];
    private static readonly string[] Row3 = ["N3-EXTERNO", "N3-FABRICANTE", "N3-NO-RESUELTO"];
    private static readonly string[] Row4 = ["N4-IMPACTO", "N4-DECISION"];

    public static TheoryData<SupportLevel, SupportLevel, string[]> EveryPairOfLevels()
    {
        // Written out by hand from Anexo 3: to Nivel 2 with row 1; to the vendor (Nivel 3) with rows 2 and 3 together;
        // to the Ejecutivo (Nivel 4, from Nivel 2 or 3) and on to the Dirección Ejecutiva with row 4.
        var routes = new Dictionary<(SupportLevel, SupportLevel), string[]>
        {
            [(SupportLevel.Nivel1, SupportLevel.Nivel2)] = Row1,
            [(SupportLevel.Nivel2, SupportLevel.Nivel3)] = [.. Row2, .. Row3],
            [(SupportLevel.Nivel2, SupportLevel.Nivel4)] = Row4,
            [(SupportLevel.Nivel3, SupportLevel.Nivel4)] = Row4,
            [(SupportLevel.Nivel4, SupportLevel.DireccionEjecutiva)] = Row4,
        };
        var data = new TheoryData<SupportLevel, SupportLevel, string[]>();
        foreach (var from in Enum.GetValues<SupportLevel>())
            foreach (var to in Enum.GetValues<SupportLevel>())
                data.Add(from, to, routes.GetValueOrDefault((from, to)) ?? []);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPairOfLevels))]
    public void Each_destination_offers_the_criteria_of_the_rows_that_send_a_case_there(SupportLevel from, SupportLevel to, string[] codes)
    {
        EscalationMatrix.CriteriaFor(from, to).Select(c => c.Code).Should().Equal(codes);
        (EscalationMatrix.Route(from, to) is not null).Should().Be(codes.Length > 0);
        foreach (var code in codes) EscalationMatrix.RouteFor(from, code)!.To.Should().Be(to, $"{code} from {from} leads to {to}");
    }

    [Fact]
    public void The_vendor_criteria_send_a_case_to_the_vendor_and_never_take_it_away_from_the_vendor()
    {
        foreach (var code in Row3)
        {
            EscalationMatrix.RouteFor(SupportLevel.Nivel2, code)!.To.Should().Be(SupportLevel.Nivel3);
            EscalationMatrix.RouteFor(SupportLevel.Nivel3, code).Should().BeNull("row 3 gives reasons for a vendor, not for leaving one");
        }
    }

    /// <summary>History keeps only the code: every code ever recorded must still read as the text it was recorded with.</summary>
    [Theory]
    [InlineData("N1-RECURSOS", "La incidencia o petición no puede ser resuelta con los recursos disponibles")]
    [InlineData("N1-TIEMPO", "Se superó el tiempo estándar de resolución sin avance significativo")]
    [InlineData("N1-IMPACTO", "Impacto crítico en el negocio o afecta a múltiples usuarios")]
    [InlineData("N2-CONOCIMIENTO", "Requiere conocimientos técnicos especializados no disponibles en Nivel 1")]
    [InlineData("N2-INFRAESTRUCTURA", "La resolución requiere cambios en la infraestructura o configuraciones críticas")]
    [InlineData("N2-AREAS", "Se necesita la intervención de múltiples áreas técnicas de la UTI")]
    [InlineData("N3-EXTERNO", "Involucra software, hardware o servicios gestionados externamente")]
    [InlineData("N3-FABRICANTE", "Se requiere soporte de fabricantes o terceros según el acuerdo de nivel de servicio")]
    [InlineData("N3-NO-RESUELTO", "Problema no resuelto a nivel interno que necesita la intervención del proveedor")]
    [InlineData("N4-IMPACTO", "Impacto significativo en la operación o reputación de la organización")]
    [InlineData("N4-DECISION", "Se requieren decisiones de alto nivel (cambios de emergencia o inversiones)")]
    public void A_criterion_already_recorded_in_history_keeps_its_text(string code, string text)
    {
        EscalationMatrix.Find(code)!.Text.Should().Be(text);
    }

    [Fact]
    public void The_criterion_the_SLA_engine_records_is_a_row_1_one()
    {
        var criterion = EscalationMatrix.Find(EscalationMatrix.NoProgressCriterionCode);
        criterion.Should().NotBeNull();
        EscalationMatrix.RouteFor(SupportLevel.Nivel1, criterion!.Code)!.To.Should().Be(SupportLevel.Nivel2);
        criterion.Text.Should().Contain("tiempo estándar");
    }

    [Fact]
    public void Nothing_lies_beyond_Direccion_Ejecutiva()
    {
        EscalationMatrix.RoutesFrom(SupportLevel.DireccionEjecutiva).Should().BeEmpty();
    }

    /// <summary>The "responsable de escalamiento" column of each row, plus the supervisor (Ejecutivo de la UTI) on every
    /// route and the system (SLA engine) only on row 1.</summary>
    public static TheoryData<SupportLevel, SupportLevel, Role, bool> WhoMayEscalate()
    {
        var allowed = new Dictionary<(SupportLevel, SupportLevel), Role[]>
        {
            [(SupportLevel.Nivel1, SupportLevel.Nivel2)] = [Role.Tecnico, Role.Supervisor, Role.Sistema],
            [(SupportLevel.Nivel2, SupportLevel.Nivel3)] = [Role.Especialista, Role.Supervisor],
            [(SupportLevel.Nivel2, SupportLevel.Nivel4)] = [Role.Especialista, Role.Supervisor],
            [(SupportLevel.Nivel3, SupportLevel.Nivel4)] = [Role.Especialista, Role.Supervisor],
            [(SupportLevel.Nivel4, SupportLevel.DireccionEjecutiva)] = [Role.Supervisor],
        };
        var data = new TheoryData<SupportLevel, SupportLevel, Role, bool>();
        foreach (var ((from, to), roles) in allowed)
            foreach (var role in Enum.GetValues<Role>())
                data.Add(from, to, role, roles.Contains(role));
        return data;
    }

    [Theory]
    [MemberData(nameof(WhoMayEscalate))]
    public void Who_may_escalate_follows_the_responsible_column_of_the_row(SupportLevel from, SupportLevel to, Role role, bool expected)
    {
        EscalationMatrix.Route(from, to)!.By.Contains(role).Should().Be(expected);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1, Role.Tecnico)]
    [InlineData(SupportLevel.Nivel2, Role.Especialista)]
    [InlineData(SupportLevel.Nivel3, Role.Proveedor)]
    [InlineData(SupportLevel.Nivel4, Role.Supervisor)]
    [InlineData(SupportLevel.DireccionEjecutiva, Role.Supervisor)]
    public void Each_level_is_worked_by_its_role(SupportLevel level, Role role)
    {
        EscalationMatrix.WorkedBy(level).Should().Be(role);
    }
}

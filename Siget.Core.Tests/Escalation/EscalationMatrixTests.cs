using Siget.Core.Access;
using Siget.Core.Escalation;

namespace Siget.Core.Tests;

public class EscalationMatrixTests
{
    [Theory]
    [InlineData(SupportLevel.Nivel1, new[] { "N1-RECURSOS", "N1-TIEMPO", "N1-IMPACTO" })]
    [InlineData(SupportLevel.Nivel2, new[] { "N2-CONOCIMIENTO", "N2-INFRAESTRUCTURA", "N2-AREAS" })]
    [InlineData(SupportLevel.Nivel3, new[] { "N3-EXTERNO", "N3-FABRICANTE", "N3-NO-RESUELTO" })]
    [InlineData(SupportLevel.Nivel4, new[] { "N4-IMPACTO", "N4-DECISION" })]
    [InlineData(SupportLevel.DireccionEjecutiva, new string[0])]
    public void Each_level_has_the_criteria_of_its_row_in_Anexo_3(SupportLevel level, string[] codes)
    {
        var criteria = EscalationMatrix.CriteriaFrom(level);
        criteria.Select(c => c.Code).Should().Equal(codes);
        criteria.Where(c => c.From != level || string.IsNullOrWhiteSpace(c.Text)).Should().BeEmpty();
    }

    [Fact]
    public void The_criterion_the_SLA_engine_records_is_the_level_1_no_progress_one()
    {
        var criterion = EscalationMatrix.Find(EscalationMatrix.NoProgressCriterionCode);
        criterion.Should().NotBeNull();
        criterion!.From.Should().Be(SupportLevel.Nivel1);
        criterion.Text.Should().Contain("tiempo estándar");
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1, SupportLevel.Nivel2)]
    [InlineData(SupportLevel.Nivel2, SupportLevel.Nivel3)]
    [InlineData(SupportLevel.Nivel3, SupportLevel.Nivel4)]
    [InlineData(SupportLevel.Nivel4, SupportLevel.DireccionEjecutiva)]
    public void Escalation_goes_one_level_up(SupportLevel from, SupportLevel to)
    {
        EscalationMatrix.Next(from).Should().Be(to);
    }

    [Fact]
    public void Nothing_lies_beyond_Direccion_Ejecutiva()
    {
        EscalationMatrix.Next(SupportLevel.DireccionEjecutiva).Should().BeNull();
    }

    /// <summary>The "responsable de escalamiento" column, plus the supervisor (Ejecutivo de la UTI) from any level
    /// and the system (SLA engine) up to level 3.</summary>
    public static TheoryData<SupportLevel, Role, bool> WhoMayEscalate()
    {
        var allowed = new Dictionary<SupportLevel, Role[]>
        {
            [SupportLevel.Nivel1] = [Role.Tecnico, Role.Supervisor, Role.Sistema],
            [SupportLevel.Nivel2] = [Role.Especialista, Role.Supervisor, Role.Sistema],
            [SupportLevel.Nivel3] = [Role.Especialista, Role.Supervisor, Role.Sistema],
            [SupportLevel.Nivel4] = [Role.Supervisor],
            [SupportLevel.DireccionEjecutiva] = [],
        };
        var data = new TheoryData<SupportLevel, Role, bool>();
        foreach (var (level, roles) in allowed)
            foreach (var role in Enum.GetValues<Role>())
                data.Add(level, role, roles.Contains(role));
        return data;
    }

    [Theory]
    [MemberData(nameof(WhoMayEscalate))]
    public void Who_may_escalate_from_each_level_follows_the_responsible_column(SupportLevel level, Role role, bool expected)
    {
        EscalationMatrix.MayEscalateFrom(role, level).Should().Be(expected);
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

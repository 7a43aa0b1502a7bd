using Siget.Core.Catalog;

namespace Siget.Core.Tests.Catalog;

public class ChannelAndKindTests
{
    [Theory]
    [InlineData(1, Channel.Intranet, "Intranet", true)]
    [InlineData(2, Channel.Sismonitor, "SISMONITOR", true)]
    [InlineData(3, Channel.Telefono, "Teléfono", false)]
    [InlineData(4, Channel.Presencial, "Presencial", false)]
    [InlineData(5, Channel.CorreoElectronico, "Correo electrónico", false)]
    public void The_five_channels_of_Anexo_2_keep_their_numbers_and_only_Intranet_and_SISMONITOR_are_self_service(
        int number, Channel channel, string label, bool selfService)
    {
        ((Channel)number).Should().Be(channel);
        channel.Label().Should().Be(label);
        channel.IsSelfService().Should().Be(selfService);
        ChannelRules.RegisteredByStaff.Contains(channel).Should().Be(!selfService);
    }

    [Fact]
    public void There_are_exactly_five_channels()
    {
        Enum.GetValues<Channel>().Select(c => (int)c).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public void Ticket_kinds_are_incident_request_and_problem()
    {
        Enum.GetValues<TicketKind>().Select(k => ((int)k, k.Label()))
            .Should().Equal((1, "Incidencia"), (2, "Petición"), (3, "Problema"));
    }
}

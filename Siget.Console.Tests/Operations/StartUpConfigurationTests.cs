using Microsoft.Extensions.Options;
using Siget.Console.Live;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Operations;

/// <summary>Every options section is checked when SIGET starts: a bad value stops it with a message naming the key.</summary>
public sealed class StartUpConfigurationTests
{
    [Theory]
    [InlineData("Sla:Alta:FirstResponse", "0", "Sla:Alta")]
    [InlineData("Sla:Motor:IntervalSeconds", "-1", "Sla:Motor:IntervalSeconds")]
    [InlineData("Sla:Motor:BatchSize", "0", "Sla:Motor:BatchSize")]
    [InlineData("Sla:Motor:AutoFinalizeBusinessDays", "31", "Sla:Motor:AutoFinalizeBusinessDays")]
    [InlineData("RecurrenceWatch:IntervalSeconds", "-5", "RecurrenceWatch:IntervalSeconds")]
    [InlineData("Attachments:Path", "", "Attachments:Path")]
    [InlineData("Asignacion:Automatic", "quizás", "Asignacion:Automatic")]
    [InlineData("Sesiones:RevalidationSeconds", "0", "Sesiones:RevalidationSeconds")]
    [InlineData("ConsultaCiudadana:PermitLimit", "0", "ConsultaCiudadana:PermitLimit")]
    [InlineData("Ingreso:WindowMinutes", "0", "Ingreso:WindowMinutes")]
    [InlineData("Sla:Engine:BatchSize", "0", "Sla:Engine:BatchSize")]
    [InlineData("Assignment:Automatic", "quizás", "Assignment:Automatic")]
    [InlineData("Sessions:RevalidationSeconds", "301", "Sessions:RevalidationSeconds")]
    [InlineData("CitizenLookup:WindowMinutes", "0", "CitizenLookup:WindowMinutes")]
    [InlineData("SignIn:PermitLimit", "0", "SignIn:PermitLimit")]
    [InlineData("Mail:Smtp:Port", "70000", "Mail:Smtp:Port")]
    [InlineData("Mail:Imap:Port", "-1", "Mail:Imap:Port")]
    [InlineData("Mail:Smtp:Security", "Siempre", "Mail:Smtp:Security")]
    [InlineData("Mail:Smtp:Host", "smtp.entidad.gob.pe", "Mail:Sender:Address")]
    [InlineData("Mail:BaseUrl", "siget.entidad.gob.pe", "Mail:BaseUrl")]
    [InlineData("Mail:SendIntervalSeconds", "-1", "Mail:SendIntervalSeconds")]
    [InlineData("Mail:MaxMessageBytes", "0", "Mail:MaxMessageBytes")]
    [InlineData("Mail:OwnAddresses:0", "no-es-correo", "Mail:OwnAddresses")]
    [InlineData("Correo:Smtp:Host", "smtp.entidad.gob.pe", "«Correo» se llama ahora «Mail»")]
    [InlineData("Mail:AutoRegister:Enabled", "true", "Mail:AutoRegister:ServiceCode")]
    [InlineData("Api:PermitLimit", "0", "Api:PermitLimit")]
    [InlineData("Api:WindowSeconds", "3601", "Api:WindowSeconds")]
    [InlineData("Webhooks:MaxAttempts", "0", "Webhooks:MaxAttempts")]
    [InlineData("Webhooks:TimeoutSeconds", "0", "Webhooks:TimeoutSeconds")]
    [InlineData("Webhooks:AllowedAddresses:0", "receptor.local", "Webhooks:AllowedAddresses")]
    [InlineData("Telemetry:OtlpEndpoint", "otel-collector:4317", "Telemetry:OtlpEndpoint")]
    [InlineData("Telemetry:OtlpProtocol", "Http", "Telemetry:OtlpProtocol")]
    public void A_bad_setting_stops_start_up_naming_its_key(string key, string value, string named)
    {
        using var app = new SigetAppFactory(settings: new Dictionary<string, string> { [key] = value });

        var start = () => app.Services;

        var refusal = start.Should().Throw<Exception>().Which;
        Messages(refusal).Should().Contain(m => m.Contains(named, StringComparison.Ordinal), $"{key}={value} is refused at start-up");
    }

    [Fact]
    public void Sections_renamed_to_English_are_still_read_under_their_Spanish_names_and_the_English_ones_win()
    {
        using var former = new SigetAppFactory(settings: new Dictionary<string, string>
        {
            ["Asignacion:Automatic"] = "true", ["Sesiones:RevalidationSeconds"] = "42", ["Sla:Motor:BatchSize"] = "50",
        });
        former.Service<IOptions<AssignmentOptions>>().Value.Automatic.Should().BeTrue();
        former.Service<IOptions<SessionCheckOptions>>().Value.RevalidationSeconds.Should().Be(42);
        former.Service<IOptions<SlaEngineOptions>>().Value.BatchSize.Should().Be(50);

        using var both = new SigetAppFactory(settings: new Dictionary<string, string>
        {
            ["Sesiones:RevalidationSeconds"] = "42", ["Sessions:RevalidationSeconds"] = "7",
        });
        both.Service<IOptions<SessionCheckOptions>>().Value.RevalidationSeconds.Should().Be(7);
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e.Message;
            if (e is AggregateException all)
                foreach (var inner in all.InnerExceptions.SelectMany(Messages)) yield return inner;
        }
    }
}

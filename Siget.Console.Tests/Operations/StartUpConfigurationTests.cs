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
    public void A_bad_setting_stops_start_up_naming_its_key(string key, string value, string named)
    {
        using var app = new SigetAppFactory(settings: new Dictionary<string, string> { [key] = value });

        var start = () => app.Services;

        var refusal = start.Should().Throw<Exception>().Which;
        Messages(refusal).Should().Contain(m => m.Contains(named, StringComparison.Ordinal), $"{key}={value} is refused at start-up");
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

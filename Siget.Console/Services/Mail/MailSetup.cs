using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Siget.Console.Scale;

namespace Siget.Console.Services.Mail;

public static class MailSetup
{
    /// <summary>Mail in and out (issue 19). Everything is registered; what is not configured does nothing.</summary>
    public static IServiceCollection AddSigetMail(this IServiceCollection services)
    {
        services.AddCheckedOptions<MailOptions>(MailOptions.Section)
            .Validate<IConfiguration>((_, configuration) => !configuration.GetSection(MailOptions.FormerSection).GetChildren().Any(),
                $"La sección «{MailOptions.FormerSection}» se llama ahora «{MailOptions.Section}» y sus claves van en inglés " +
                "(Smtp:Security, Smtp:User, Imap:Folder, Sender:Address, BaseUrl…): vea docs/correo.md.");
        services.AddSingleton<MailOutboxInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<MailOutboxInterceptor>());
        services.AddSingleton<MailConnections>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<MailSender>();
        // With several instances one sends and one reads (a lease each); unconfigured, nothing is leased.
        services.AddSingleInstanceHostedService<MailSender>("correo-envio", sp => Options(sp) is { SendingEnabled: true } o
            ? TimeSpan.FromSeconds(o.SendIntervalSeconds) : TimeSpan.Zero);
        services.AddSingleton<MailPreferences>();
        services.AddSingleton<IncomingMailFeed>();
        services.AddSingleton<IncomingMail>();
        services.AddSingleton<MailReader>();
        services.AddSingleInstanceHostedService<MailReader>("correo-lectura", sp => Options(sp) is { ReadingEnabled: true } o
            ? TimeSpan.FromSeconds(o.ReadIntervalSeconds) : TimeSpan.Zero);
        return services;
    }

    private static MailOptions Options(IServiceProvider services) => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value;

    /// <summary>/health names each configured mail server; one that does not answer is «Degraded», never a failure of the app.</summary>
    public static IHealthChecksBuilder AddMailChecks(this IHealthChecksBuilder checks) =>
        checks.AddCheck<MailHealthCheck>("correo", failureStatus: HealthStatus.Degraded);
}

internal sealed class MailHealthCheck(MailConnections connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = connections.Options;
        if (!o.Enabled) return HealthCheckResult.Healthy("Correo no configurado.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var parts = new List<string>();
        var ok = true;
        foreach (var smtp in new[] { true, false })
        {
            if (smtp ? !o.Smtp.IsConfigured : !o.Imap.IsConfigured) continue;
            try
            {
                var (good, message) = await connections.TestAsync(smtp, timeout.Token);
                ok &= good;
                parts.Add($"{(smtp ? "SMTP" : "IMAP")}: {message}");
            }
            catch (OperationCanceledException)
            {
                ok = false;
                parts.Add($"{(smtp ? "SMTP" : "IMAP")}: sin respuesta.");
            }
        }
        var description = string.Join(" ", parts);
        return ok ? HealthCheckResult.Healthy(description) : HealthCheckResult.Degraded(description);
    }
}

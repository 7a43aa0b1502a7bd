using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Siget.Console.Scale;

namespace Siget.Console.Services.Mail;

public static class MailSetup
{
    /// <summary>Mail in and out (issue 19). Everything is registered; what is not configured does nothing.</summary>
    public static IServiceCollection AddSigetMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddSingleton<MailOutboxInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<MailOutboxInterceptor>());
        services.AddSingleton<MailConnections>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<MailSender>();
        // One sender and one reader across instances (the lease of docs/escalar.md); switched off, they hold no lease.
        services.AddSingleInstanceHostedService<MailSender>("correo-envio", sp => Interval(sp, o => o.SendingEnabled, o => o.EnvioIntervalSeconds));
        services.AddSingleton<MailPreferences>();
        services.AddSingleton<IncomingMailFeed>();
        services.AddSingleton<IncomingMail>();
        services.AddSingleton<MailReader>();
        services.AddSingleInstanceHostedService<MailReader>("correo-lectura", sp => Interval(sp, o => o.ReadingEnabled, o => o.LecturaIntervalSeconds));
        return services;
    }

    private static TimeSpan Interval(IServiceProvider services, Func<MailOptions, bool> enabled, Func<MailOptions, int> seconds)
    {
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        return enabled(options) ? TimeSpan.FromSeconds(Math.Max(0, seconds(options))) : TimeSpan.Zero;
    }

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

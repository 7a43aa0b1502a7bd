using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.Integrations;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Priorities;

namespace Siget.Console.Tests.Api;

public class WebhookTests
{
    private static readonly Dictionary<string, string> Allowlisted = new() { ["Webhooks:AllowedAddresses:0"] = "127.0.0.1", ["Webhooks:FirstRetrySeconds"] = "30" };

    private sealed class Desk : IAsyncDisposable
    {
        public required SigetAppFactory App { get; init; }
        public required Actor Admin { get; init; }
        public required Actor Requester { get; init; }
        public required Actor Technician { get; init; }
        public required IssuedApiKey Key { get; init; }

        public WebhookSender Sender => App.Service<WebhookSender>();
        public WebhookAdministration Webhooks => App.Service<WebhookAdministration>();

        public static async Task<Desk> StartAsync(IReadOnlyDictionary<string, string>? settings = null, string? folder = null, DateTimeOffset? now = null)
        {
            var app = new SigetAppFactory(settings: settings, folder: folder, now: now);
            var admin = await app.AddPersonAsync("admin", Role.Administrador, "Admin SIGET");
            var key = await app.Service<ApiKeyAdministration>().CreateAsync(admin,
                new ApiKeyForm { Name = "SISMONITOR", Channel = Channel.Sismonitor, Scopes = ApiScopes.All });
            return new Desk
            {
                App = app, Admin = admin, Key = key,
                Requester = await app.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori"),
                Technician = await app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos"),
            };
        }

        public async Task<Siget.Core.Tickets.Ticket> RegisterAsync(string subject) =>
            await App.Service<Siget.Console.Services.Tickets.TicketRegistration>().RegisterAsync(
                Actor.Integration(Key.Key.PublicId, Key.Key.Name, Channel.Sismonitor),
                new Siget.Console.Services.Tickets.RegisterTicketRequest
                {
                    RequesterId = Requester.UserId, Channel = Channel.Sismonitor, Kind = TicketKind.Incidencia, SubcategoryCode = 33,
                    Subject = subject, Description = "Error al guardar.", Impact = OperatingImpact.Parcial, AlternativeAvailable = false,
                });

        public async Task<WebhookDelivery[]> DeliveriesAsync()
        {
            await using var db = App.CreateDbContext();
            return await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToArrayAsync();
        }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    [Fact]
    public async Task Each_event_reaches_the_receiver_signed_over_timestamp_and_body()
    {
        await using var receiver = new WebhookReceiver();
        await using var desk = await Desk.StartAsync(Allowlisted);
        var created = await desk.Webhooks.CreateAsync(desk.Admin, desk.Key.Key.Id, receiver.Url, WebhookEvents.Todos);

        var ticket = await desk.RegisterAsync("Con aviso");
        var taken = await desk.App.Service<Siget.Console.Services.Tickets.TicketCommands>().TakeAsync(desk.Technician, ticket.Id, ticket.Version);
        (await desk.Sender.RunPassAsync()).Should().Be(2);

        var registered = await receiver.NextAsync();
        var state = await receiver.NextAsync();
        foreach (var received in new[] { registered, state })
        {
            var timestamp = received.Headers[WebhookSender.TimestampHeader];
            received.Headers[WebhookSender.SignatureHeader].Should().Be(WebhookSender.Sign(created.Secret, timestamp, received.Body));
            WebhookSender.Sign("otro-secreto", timestamp, received.Body).Should().NotBe(received.Headers[WebhookSender.SignatureHeader]);
            var payload = JsonDocument.Parse(received.Body).RootElement;
            payload.GetProperty("id").GetString().Should().Be(received.Headers[WebhookSender.DeliveryHeader]);
            payload.GetProperty("ticket").GetProperty("numero").GetString().Should().Be(ticket.Number);
        }
        JsonDocument.Parse(registered.Body).RootElement.GetProperty("evento").GetString().Should().Be("ticket.registrado");
        JsonDocument.Parse(state.Body).RootElement.GetProperty("evento").GetString().Should().Be("ticket.estado");
        (await desk.DeliveriesAsync()).Should().OnlyContain(d => d.Status == WebhookDeliveryStatus.Entregado);
        (await desk.Sender.RunPassAsync()).Should().Be(0, "nothing is sent twice");
        taken.Version.Should().Be(2);
    }

    [Fact]
    public async Task A_failing_receiver_gets_retries_with_backoff_then_the_delivery_is_parked_and_the_admin_retries_it()
    {
        await using var receiver = new WebhookReceiver();
        await using var desk = await Desk.StartAsync(new Dictionary<string, string>(Allowlisted) { ["Webhooks:MaxAttempts"] = "3" });
        await desk.Webhooks.CreateAsync(desk.Admin, desk.Key.Key.Id, receiver.Url, WebhookEvents.Registrado);
        await desk.RegisterAsync("Receptor caído");
        receiver.AnswerNext(500, 503, 500);

        (await desk.Sender.RunPassAsync()).Should().Be(0);
        (await desk.DeliveriesAsync()).Single().Attempts.Should().Be(1);
        (await desk.Sender.RunPassAsync()).Should().Be(0, "the next attempt waits for its backoff");
        desk.App.Clock.Advance(TimeSpan.FromSeconds(30));
        (await desk.Sender.RunPassAsync()).Should().Be(0);
        desk.App.Clock.Advance(TimeSpan.FromSeconds(59));
        (await desk.Sender.RunPassAsync()).Should().Be(0, "the second wait is twice the first");
        desk.App.Clock.Advance(TimeSpan.FromSeconds(1));
        (await desk.Sender.RunPassAsync()).Should().Be(0);
        var parked = (await desk.DeliveriesAsync()).Single();
        parked.Status.Should().Be(WebhookDeliveryStatus.Detenido);
        parked.LastError.Should().Be("HTTP 500");
        (await desk.Webhooks.ParkedAsync(desk.Admin)).Should().ContainSingle();

        await desk.Webhooks.RetryAsync(desk.Admin, parked.Id);
        (await desk.Sender.RunPassAsync()).Should().Be(1);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++) ids.Add((await receiver.NextAsync()).Headers[WebhookSender.DeliveryHeader]);
        ids.Distinct().Should().ContainSingle("every attempt carries the same delivery id");
    }

    [Fact]
    public async Task A_delivery_interrupted_by_a_crash_is_sent_after_the_restart_with_the_same_id()
    {
        await using var receiver = new WebhookReceiver();
        var folder = Path.Combine(Path.GetTempPath(), "siget-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string deliveryId;
            DateTimeOffset crashedAt;
            await using (var first = await Desk.StartAsync(Allowlisted, folder))
            {
                await first.Webhooks.CreateAsync(first.Admin, first.Key.Key.Id, receiver.Url, WebhookEvents.Registrado);
                await first.RegisterAsync("Antes del corte");
                receiver.Hold = new TaskCompletionSource();
                using var crash = new CancellationTokenSource();
                var pass = first.Sender.RunPassAsync(crash.Token);
                deliveryId = (await receiver.NextAsync()).Headers[WebhookSender.DeliveryHeader];
                crash.Cancel(); // the process dies while the receiver has not answered
                await FluentActions.Awaiting(() => pass).Should().ThrowAsync<OperationCanceledException>();
                (await first.DeliveriesAsync()).Single().Status.Should().Be(WebhookDeliveryStatus.Enviando);
                crashedAt = first.App.Clock.GetUtcNow();
            }
            receiver.Hold.TrySetResult();
            receiver.Hold = null;

            await using var restarted = new SigetAppFactory(settings: Allowlisted, folder: folder, now: crashedAt.AddMinutes(5));
            (await restarted.Service<WebhookSender>().RunPassAsync()).Should().Be(1);
            (await receiver.NextAsync()).Headers[WebhookSender.DeliveryHeader].Should().Be(deliveryId);
            await using var db = restarted.CreateDbContext();
            (await db.WebhookDeliveries.SingleAsync()).Status.Should().Be(WebhookDeliveryStatus.Entregado);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/avisos")]
    [InlineData("https://localhost/avisos")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://10.1.2.3/avisos")]
    [InlineData("https://192.168.0.10/avisos")]
    [InlineData("https://[::1]/avisos")]
    [InlineData("ftp://ejemplo.pe/avisos")]
    public async Task Internal_addresses_are_refused_at_registration_unless_allowlisted(string url)
    {
        await using var desk = await Desk.StartAsync();
        var act = () => desk.Webhooks.CreateAsync(desk.Admin, desk.Key.Key.Id, url, WebhookEvents.Todos);
        await act.Should().ThrowAsync<DomainException>();
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_again_at_delivery()
    {
        await using var receiver = new WebhookReceiver();
        await using var desk = await Desk.StartAsync();
        await using (var db = desk.App.CreateDbContext())
        {
            // As if DNS changed after registration: the stored URL now names the server's own loopback.
            db.WebhookSubscriptions.Add(new WebhookSubscription
            {
                ApiKeyId = desk.Key.Key.Id, Url = $"http://localhost:{receiver.Port}/avisos", Secret = "s", CreatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        WebhookSubscriptionCache.Invalidate();
        await desk.RegisterAsync("Hacia localhost");

        (await desk.Sender.RunPassAsync()).Should().Be(0);
        var delivery = (await desk.DeliveriesAsync()).Single();
        delivery.Status.Should().Be(WebhookDeliveryStatus.Pendiente);
        delivery.LastError.Should().Contain("interna");
        receiver.Requests.Reader.TryRead(out _).Should().BeFalse();
    }
}

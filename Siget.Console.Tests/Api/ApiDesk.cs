using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Siget.Console.Services.Integrations;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Catalog;

namespace Siget.Console.Tests.Api;

/// <summary>
/// The help desk of <see cref="HelpDeskFixture"/> plus an administrator and two keys: SISMONITOR (channel 02, every
/// scope) and INTRANET-PORTAL (channel 01, every scope), created through the administration service like the screen does.
/// </summary>
public class ApiDesk : HelpDeskFixture, IAsyncLifetime
{
    public Actor Admin { get; private set; } = default!;
    public IssuedApiKey Sismonitor { get; private set; } = default!;
    public IssuedApiKey Portal { get; private set; } = default!;
    public ApiKeyAdministration Keys => App.Service<ApiKeyAdministration>();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Admin = await App.AddPersonAsync("admin", Role.Administrador, "Admin SIGET");
        Sismonitor = await Keys.CreateAsync(Admin, new ApiKeyForm { Name = "SISMONITOR", Channel = Channel.Sismonitor, Scopes = ApiScopes.All });
        Portal = await Keys.CreateAsync(Admin, new ApiKeyForm { Name = "INTRANET-PORTAL", Channel = Channel.Intranet, Scopes = ApiScopes.All });
    }

    /// <summary>A desk of its own (for tests that move its clock), to dispose at the end of the test.</summary>
    public static async Task<OwnApiDesk> StartAsync()
    {
        var desk = new OwnApiDesk();
        await ((IAsyncLifetime)desk).InitializeAsync();
        return desk;
    }

    public HttpClient Client(string? key)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static object NewTicket(string subject, string requester = "usuario1") => new
    {
        solicitante = requester, tipo = "Incidencia", servicio = 33, asunto = subject,
        descripcion = "SISMONITOR registra un error al guardar la ficha.", impacto = "Total", hayAlternativa = false,
    };

    public static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Registers through the API with <paramref name="key"/> and returns the ticket's number.</summary>
    public async Task<string> RegisterThroughApiAsync(string subject, string? key = null, string requester = "usuario1")
    {
        var response = await Client(key ?? Sismonitor.Text).PostAsJsonAsync("/api/v1/tickets", NewTicket(subject, requester));
        response.EnsureSuccessStatusCode();
        return (await ReadAsync(response)).GetProperty("numero").GetString()!;
    }
}

public sealed class OwnApiDesk : ApiDesk, IAsyncDisposable
{
    public new ValueTask DisposeAsync() => new(base.DisposeAsync());
}

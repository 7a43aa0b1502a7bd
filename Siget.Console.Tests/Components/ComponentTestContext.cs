using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Siget.Console.Live;
using Siget.Console.Services;
using Siget.Console.Tests.Services;
using Siget.Core.Access;
using Siget.Core.Sla;

namespace Siget.Console.Tests.Components;

/// <summary>bUnit with MudBlazor and the real services of a running app (real SQLite behind them).
/// Composition rather than inheritance: MudBlazor's services only dispose asynchronously.</summary>
public abstract class ComponentTestContext : IAsyncLifetime
{
    protected BunitContext Bunit { get; } = new();
    private BunitJSInterop JSInterop => Bunit.JSInterop;
    private BunitServiceProvider Services => Bunit.Services;

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : Microsoft.AspNetCore.Components.IComponent =>
        parameters is null ? Bunit.Render<T>() : Bunit.Render<T>(parameters);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await Bunit.DisposeAsync();

    protected ComponentTestContext(TicketServicesFixture app)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(app.App.Service<TicketRegistration>());
        Services.AddSingleton(app.App.Service<TicketQueries>());
        Services.AddSingleton(app.App.Service<TicketCommands>());
        Services.AddSingleton(app.App.Service<PeopleDirectory>());
        Services.AddSingleton(app.App.Service<ServiceCatalog>());
        Services.AddSingleton(app.App.Service<TicketFeed>());
        Services.AddSingleton(app.App.Service<SlaPolicy>());
        Services.AddSingleton<TimeProvider>(app.App.Clock);
    }

    protected void SignIn(Actor actor)
    {
        var auth = Bunit.AddAuthorization();
        auth.SetAuthorized(actor.Name);
        auth.SetRoles(actor.Role.ToString());
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId), new Claim(ClaimTypes.Role, actor.Role.ToString()),
            new Claim(SigetClaims.FullName, actor.Name));
    }

    protected void RenderPopovers() => Render<MudPopoverProvider>();
}

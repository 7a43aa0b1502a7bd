using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Siget.Console.Live;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Board;
using Siget.Console.Services.Notifications;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Core.Access;
using Siget.Core.Sla;

namespace Siget.Console.Tests.Infrastructure;

/// <summary>
/// bUnit with MudBlazor, talking to the real services of a running SIGET (so to a real SQLite file), signed in
/// through claims the way the app's cookie carries them. A field rather than a base class: MudBlazor's services
/// dispose only asynchronously, which xunit's <see cref="IAsyncLifetime"/> allows.
/// </summary>
public abstract class ScreenContext : IAsyncLifetime
{
    protected ScreenContext(HelpDeskFixture desk)
    {
        Desk = desk;
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.Services.AddMudServices();
        Bunit.Services.AddOptions(); // the menu reads the Mail options (mail off here)
        Bunit.Services.AddSingleton(desk.App.Service<TicketRegistration>());
        Bunit.Services.AddSingleton(desk.App.Service<TicketCommands>());
        Bunit.Services.AddSingleton(desk.App.Service<TicketQueries>());
        Bunit.Services.AddSingleton(desk.App.Service<PeopleDirectory>());
        Bunit.Services.AddSingleton(desk.App.Service<ServiceCatalog>());
        Bunit.Services.AddSingleton(desk.App.Service<TicketFeed>());
        Bunit.Services.AddSingleton(desk.App.Service<QueueWindows>());
        Bunit.Services.AddSingleton(desk.App.Service<Siget.Console.Components.Shared.FirstPaintHandOver>());
        Bunit.Services.AddSingleton(desk.App.Service<SharedQueueCounts>());
        Bunit.Services.AddSingleton(desk.App.Service<SlaPolicy>());
        Bunit.Services.AddSingleton(desk.App.Service<SupervisorBoard>());
        Bunit.Services.AddSingleton(desk.App.Service<AgentAvailability>());
        Bunit.Services.AddSingleton(desk.App.Service<NotificationCenter>());
        Bunit.Services.AddSingleton(desk.App.Service<NotificationFeed>());
        Bunit.Services.AddSingleton<TimeProvider>(desk.App.Clock);
        // Drafts kept in the browser: bUnit's loose JS interop answers "nothing stored".
        Bunit.Services.AddDataProtection();
        Bunit.Services.AddScoped<Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedLocalStorage>();
    }

    protected HelpDeskFixture Desk { get; }
    protected BunitContext Bunit { get; } = new();

    /// <summary>Signs in as <paramref name="actor"/> with the claims SIGET's sign-in puts in the cookie.</summary>
    protected void SignIn(Actor actor)
    {
        var auth = Bunit.AddAuthorization();
        auth.SetAuthorized(actor.Name);
        auth.SetRoles(actor.Role.ToString());
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId),
            new(ClaimTypes.Role, actor.Role.ToString()),
            new(SigetClaims.FullName, actor.Name),
        };
        if (actor.VendorCompanyId is int vendor) claims.Add(new Claim(SigetClaims.VendorCompany, vendor.ToString()));
        auth.SetClaims([.. claims]);
    }

    /// <summary>MudBlazor draws menus and autocomplete lists in the popover provider, outside the component.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Bunit.Render<MudPopoverProvider>();

    protected void GoTo(string relativeUri) => Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUri);

    /// <summary>
    /// Live screens fold bursts of changes into one reload after a pause on the app's clock (a fake one here): moves
    /// that clock on in small steps until <paramref name="assertion"/> holds, giving up after <paramref name="patience"/>
    /// of real time.
    /// </summary>
    protected async Task AdvanceUntilAsync(Action assertion, TimeSpan? step = null, TimeSpan? patience = null)
    {
        var giveUp = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < giveUp)
            {
                Desk.App.Clock.Advance(step ?? TimeSpan.FromMilliseconds(250));
                await Task.Delay(20); // lets the screen's continuations run; not a wait for an outcome
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Bunit.DisposeAsync();
}

/// <summary>The bUnit screens share one running app of their own.</summary>
[CollectionDefinition(Name)]
public sealed class ScreensCollection : ICollectionFixture<HelpDeskFixture>
{
    public const string Name = "Screens over one SQLite file";
}

using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using MudBlazor;
using MudBlazor.Services;
using Siget.Console;
using Siget.Console.Api;
using Siget.Console.Components;
using Siget.Console.Components.Account;
using Siget.Console.Data;
using Siget.Console.Data.Demo;
using Siget.Console.Live;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Board;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.Notifications;
using Siget.Console.Services.Operations;
using Siget.Console.Services.People;
using Siget.Console.Services.Integrations;
using Siget.Console.Services.Mail;
using Siget.Console.Scale;
using Siget.Console.Services.Problems;
using Siget.Console.Services.Reports;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Core.Sla;
using Siget.Console.Telemetry;

var culture = new CultureInfo("es-PE");
CultureInfo.DefaultThreadCurrentCulture = culture;
CultureInfo.DefaultThreadCurrentUICulture = culture;

var builder = WebApplication.CreateBuilder(args);
// The repository's root appsettings.json (copied next to the binaries) is the base configuration;
// appsettings.{Environment}.json, environment variables and the command line still override it.
builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
{
    Path = "appsettings.json",
    Optional = false,
    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
});

builder.Services.AddRazorComponents().AddInteractiveServerComponents(o =>
{
    // A network blip drops many screens at once (a switch, the office Wi-Fi): keep all of them, not the default 100,
    // so they come back to their circuits instead of reloading. A disconnected circuit costs about as much as a live one.
    o.DisconnectedCircuitMaxRetained = 5000;
}).AddHubOptions(o => o.MaximumReceiveMessageSize = Siget.Console.Components.Shared.InputLimits.MaximumReceiveMessageSize);
builder.Services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
builder.Services.AddTransient<MudLocalizer, SpanishMudLocalizer>();

builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<IdentityRedirectManager>();
builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = IdentityConstants.ApplicationScheme;
        o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
builder.Services.AddAuthentication().AddEntraId(builder.Configuration);
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/cuenta/ingresar";
    o.LogoutPath = "/cuenta/salir";
    o.AccessDeniedPath = "/cuenta/acceso-denegado";
    o.ExpireTimeSpan = TimeSpan.FromHours(10);
    o.SlidingExpiration = true;
    o.Cookie.Name = "siget.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    // Secure outside development; the automated tests ("Testing") talk plain HTTP to an in-memory server.
    o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
        ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    // The hub and the API answer 401/403 instead of redirecting to the sign-in page.
    o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
    static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/hubs") || context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
});
builder.Services.AddAuthorization();
// Cookies are checked against the database as often as live sessions: a deactivated person's requests stop being accepted.
builder.Services.AddCheckedOptions<SessionCheckOptions>(SessionCheckOptions.Section, SessionCheckOptions.FormerSection);
builder.Services.AddSingleton<SessionRevocations>();
builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider, Microsoft.Extensions.Options.IOptions<SessionCheckOptions>>((o, clock, sessions) =>
{
    o.ValidationInterval = sessions.Value.RevalidationInterval;
    o.TimeProvider = clock;
});
builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
    .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);

builder.Services.AddSigetDatabase(builder.Configuration, builder.Environment);
builder.Services.AddIdentityCore<ApplicationUser>(o =>
    {
        o.SignIn.RequireConfirmedAccount = false;
        o.User.RequireUniqueEmail = false;
        o.Password.RequiredLength = 8;
        // Failed sign-ins lock a name on the client that failed, not the account (SignInAttempts reads these two).
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
    })
    .AddEntityFrameworkStores<SigetDbContext>()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<SigetClaimsPrincipalFactory>()
    .AddErrorDescriber<SpanishIdentityErrors>()
    .AddDefaultTokenProviders();

builder.Services.AddCheckedOptions<SlaOptions>(SlaOptions.Section);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SettingsStore>();
// The policy in force now (administrators may change it): resolve it when needed, never keep it.
builder.Services.AddTransient<SlaPolicy>(sp => sp.GetRequiredService<SettingsStore>().Policy);
builder.Services.AddSingleton<SigetMetrics>();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, SessionCounter>();
builder.Services.AddSingleton<TicketFeed>();
builder.Services.AddSingleton<NotificationFeed>();
builder.Services.AddSingleton<QueueHubConnections>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueHubConnections>());
builder.Services.AddSingleton<TicketPresence>();
builder.Services.AddSignalR().AddJsonProtocol(o =>
    o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddSingleton<TicketRegistration>();
builder.Services.AddSingleton<TicketCommands>();
builder.Services.AddSingleton<TicketConversation>();
builder.Services.AddCheckedOptions<AttachmentOptions>(AttachmentOptions.Section);
builder.Services.AddSingleton<AttachmentStore>();
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddSingleton<TicketQueries>();
builder.Services.AddSingleton<QueueWindows>();
builder.Services.AddSingleton<Siget.Console.Components.Shared.FirstPaintHandOver>();
builder.Services.AddSingleton<SharedQueueCounts>();
builder.Services.AddSingleton<PeopleDirectory>();
builder.Services.AddSingleton<ServiceCatalog>();
builder.Services.AddSingleton<NotificationCenter>();
builder.Services.AddSingleton<AuditLog>();
builder.Services.AddSingleton<UserAdministration>();
builder.Services.AddSingleton<OrganizationAdministration>();
builder.Services.AddSingleton<CitizenLookup>();
builder.Services.AddRequestLimits();
builder.Services.AddSingleton<SignInAttempts>();
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddSingleton<SupervisorBoard>();
builder.Services.AddSingleton<Siget.Console.Services.Reports.ReportQueries>();
// Each ticket's business-time measures, kept in the transaction of the change that moves them (Services/Reports).
builder.Services.AddSingleton<KeptFiguresInterceptor>();
builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<KeptFiguresInterceptor>());
builder.Services.AddSingleton<KeptFiguresRebuild>();
builder.Services.AddSingleton<AgentAvailability>();
builder.Services.AddSingleton<Siget.Console.Services.Knowledge.KnowledgeBase>();
builder.Services.AddSingleton<Siget.Console.Services.Knowledge.KnowledgeSearch>();
builder.Services.AddSingleton<Siget.Console.Services.Knowledge.SelfService>();
builder.Services.AddCheckedOptions<AssignmentOptions>(AssignmentOptions.Section, AssignmentOptions.FormerSection);
builder.Services.AddCheckedOptions<SlaEngineOptions>(SlaEngineOptions.Section, SlaEngineOptions.FormerSection);
builder.Services.AddSingleton<SlaEngine>();
builder.Services.AddSingleInstanceHostedService<SlaEngine>("sla", sp => TimeSpan.FromSeconds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SlaEngineOptions>>().Value.IntervalSeconds));
builder.Services.AddSingleton<ProblemFeed>();
builder.Services.AddSingleton<ProblemCommands>();
builder.Services.AddSingleton<ProblemQueries>();
builder.Services.AddCheckedOptions<RecurrenceWatchOptions>(RecurrenceWatchOptions.Section);
builder.Services.AddSingleton<RecurrenceWatch>();
builder.Services.AddSingleInstanceHostedService<RecurrenceWatch>("recurrencias", sp => TimeSpan.FromSeconds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RecurrenceWatchOptions>>().Value.IntervalSeconds));
builder.Services.AddIntegrations();
builder.Services.AddApiDocs();
builder.Services.AddSigetMail();
builder.Services.AddHealthChecks().AddDbContextCheck<SigetDbContext>("database", tags: [ScaleOut.ReadyTag]).AddMailChecks();
// Several instances: Redis for the feeds, hub backplane, keys, limits and leases (docs/escalar.md); nothing without it.
builder.Services.AddSigetScaleOut(builder.Configuration);
// OpenTelemetry metrics and traces, only with an exporter configured (docs/operacion.md#telemetría).
builder.Services.AddSigetTelemetry(builder.Configuration);

var app = builder.Build();

if (await AdministratorSetup.TryRunAsync(args, app.Services)) return;
if (await BackupCommand.TryRunAsync(args, app.Services)) return;
if (await RestoreCommand.TryRunAsync(args, app.Services)) return;
if (await ApiKeyCommand.TryRunAsync(args, app.Services)) return;
if (await RecalculateFiguresCommand.TryRunAsync(args, app.Services)) return;

await DatabaseSetup.MigrateAsync(app.Services);
await app.Services.GetRequiredService<SettingsStore>().LoadAsync();
// A calendar saved in Configuración works the kept report figures out again, in the background.
app.Services.GetRequiredService<SettingsStore>().CalendarChanged += app.Services.GetRequiredService<KeptFiguresRebuild>().Start;
if (app.Environment.IsDevelopment())
{
    await DemoData.SeedAsync(app.Services);
    await DemoApiKey.SeedAsync(app.Services);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(culture),
    SupportedCultures = [culture],
    SupportedUICultures = [culture],
});
app.UseSecurityHeaders();
app.UseSameOriginLiveConnections();
app.UseStatusCodePagesWithReExecute("/no-encontrado", createScopeForStatusCodePages: true);
app.UseApiAnswers();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health", HealthResponse.Options).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
app.MapHealthProbes(HealthResponse.Options);
app.MapSigetTelemetry();
// SecurityHeaders writes the one Content-Security-Policy (frame-ancestors 'none' included).
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.MapHub<QueueHub>(QueueHub.Path);
app.MapAccountEndpoints();
if (EntraIdSignIn.IsEnabled(app.Configuration)) app.MapEntraIdEndpoints();
app.MapAttachmentDownloads();
app.MapReportDownloads();
app.MapApiV1();
app.MapApiDocs();

app.Run();

/// <summary>Visible to the test project's WebApplicationFactory.</summary>
public partial class Program;

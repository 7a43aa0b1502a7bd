using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Siget.Console.Components.Shared;
using MudBlazor;
using Siget.Console.Services;
using Siget.Core;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Components.Tickets;

/// <summary>Registers a ticket: received by phone, in person or by email on behalf of a requester, or (with
/// <see cref="SelfService"/>) by the requester from the portal through the Intranet channel.
/// The form checks what it can; the service checks everything again and its message is shown as is.</summary>
public partial class RegisterTicketForm
{
    [Inject] private TicketRegistration Registration { get; set; } = default!;
    [Inject] private PeopleDirectory People { get; set; } = default!;
    [Inject] private ServiceCatalog Catalog { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public EventCallback<RegisteredTicket> OnRegistered { get; set; }
    /// <summary>The requester registers for themself: no requester or channel to choose.</summary>
    [Parameter] public bool SelfService { get; set; }

    private MudForm form = default!;
    private bool isValid;
    private bool saving;
    private string? error;
    private PersonOption? requester;
    private CatalogEntry? service;
    private IReadOnlyList<CatalogEntry> catalog = [];
    private IReadOnlyList<UnitOption> units = [];
    private bool forCitizen;
    private readonly CitizenRequest citizen = new();
    private readonly List<IBrowserFile> files = [];
    private readonly RegisterTicketRequest request = new();

    private Priority? ResultingPriority => request.Impact is { } impact && request.AlternativeAvailable is { } alternative
        ? PriorityMatrix.For(impact, alternative) : null;

    protected override async Task OnInitializedAsync()
    {
        catalog = await Catalog.ActiveEntriesAsync();
        if (SelfService) request.Channel = Channel.Intranet;
        else units = await People.UnitsAsync();
    }

    private async Task<IEnumerable<PersonOption>> SearchRequesters(string? text, CancellationToken ct)
    {
        var actor = (await AuthenticationState).User.ToActor();
        return await People.SearchRequestersAsync(actor, text, ct);
    }

    private void AddFiles(IReadOnlyList<IBrowserFile>? added) => error = BrowserUploads.Add(files, added);

    private Task<IEnumerable<CatalogEntry>> SearchCatalog(string? text, CancellationToken ct) =>
        Task.FromResult(ServiceCatalog.Search(catalog, text));

    private async Task SubmitAsync()
    {
        error = null;
        await form.ValidateAsync();
        if (!form.IsValid) return;
        saving = true;
        try
        {
            request.RequesterId = forCitizen ? null : requester?.Id;
            request.Citizen = forCitizen ? citizen : null;
            request.SubcategoryCode = service?.Code;
            var actor = (await AuthenticationState).User.ToActor();
            var uploads = await BrowserUploads.BufferAsync(files);
            try
            {
                await OnRegistered.InvokeAsync(await Registration.RegisterWithCodeAsync(actor, request, files: uploads));
            }
            finally
            {
                foreach (var upload in uploads) await upload.Content.DisposeAsync();
            }
        }
        catch (DomainException ex)
        {
            error = ex.Message;
        }
        finally
        {
            saving = false;
        }
    }
}

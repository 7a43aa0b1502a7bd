using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Siget.Console.Components.Shared;
using Siget.Console.Services.Administration;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Core;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Components.Tickets;

/// <summary>Registers a ticket: received by phone, in person or by email on behalf of a requester, or (with
/// <see cref="SelfService"/>) by the requester from the portal through the Intranet channel.
/// The form checks what it can; the service checks everything again and its message is shown as is.
/// What is typed is kept as a draft in the browser (RegisterTicketForm.Draft.cs).</summary>
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
    private CitizenRequest citizen = new();
    private readonly PickedFiles files = new();
    private RegisterTicketRequest request = new();

    private Priority? ResultingPriority => request.Impact is { } impact && request.AlternativeAvailable is { } alternative
        ? PriorityMatrix.For(impact, alternative) : null;

    protected override async Task OnInitializedAsync()
    {
        catalog = await Catalog.ActiveEntriesAsync();
        if (SelfService) request.Channel = Channel.Intranet;
        else units = await People.UnitsAsync();
        blank = Capture();
    }

    private async Task<IEnumerable<PersonOption>> SearchRequesters(string? text, CancellationToken ct)
    {
        var actor = (await AuthenticationState).User.ToActor();
        return await People.SearchRequestersAsync(actor, text, ct);
    }

    // A refused file is told at the field when picked; the form's message says so once sending was tried.
    private bool blockedByFiles;

    private void AddFiles(IReadOnlyList<IBrowserFile>? added)
    {
        files.Add(added);
        if (blockedByFiles) error = files.Blocking;
    }

    private void FilesChanged()
    {
        if (!blockedByFiles) return;
        error = files.Blocking;
        blockedByFiles = error is not null;
    }

    private Task<IEnumerable<CatalogEntry>> SearchCatalog(string? text, CancellationToken ct) =>
        Task.FromResult(ServiceCatalog.Search(catalog, text));

    private async Task SubmitAsync()
    {
        error = null;
        await form.ValidateAsync();
        if (!form.IsValid) return;
        // A file refused when picked is never left behind silently: nothing is sent until the person removes it.
        if (files.Blocking is { } blocking)
        {
            (error, blockedByFiles) = (blocking, true);
            return;
        }
        saving = true;
        try
        {
            request.RequesterId = forCitizen ? null : requester?.Id;
            request.Citizen = forCitizen ? citizen : null;
            request.SubcategoryCode = service?.Code;
            var actor = (await AuthenticationState).User.ToActor();
            var uploads = await BrowserUploads.BufferAsync(files.Accepted);
            RegisteredTicket registered;
            try
            {
                registered = await Registration.RegisterWithCodeAsync(actor, request, files: uploads);
            }
            finally
            {
                foreach (var upload in uploads) await upload.Content.DisposeAsync();
            }
            await ForgetDraftAsync();
            await OnRegistered.InvokeAsync(registered);
        }
        catch (DomainException ex)
        {
            error = ex.Message; // the draft stays
        }
        catch (IOException)
        {
            error = "No se pudo recibir uno de los archivos. Quítelo y vuelva a adjuntarlo; no se registró nada.";
        }
        finally
        {
            saving = false;
        }
    }
}

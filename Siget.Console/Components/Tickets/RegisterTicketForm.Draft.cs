using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Core.Catalog;
using Siget.Core.Priorities;

namespace Siget.Console.Components.Tickets;

/// <summary>The form's draft: what was typed survives a reload (or a closed tab), per person and per form, in the
/// browser's storage (encrypted, like the reply box's), until the ticket is registered or the draft discarded.</summary>
public partial class RegisterTicketForm
{
    [Inject] private ProtectedLocalStorage Drafts { get; set; } = default!;

    /// <summary>The form's fields as kept in the browser (files are not: a browser cannot hand them back after a reload).</summary>
    private sealed record Draft(TicketKind Kind, Channel Channel, int? ServiceCode, string? Subject, string? Description,
        OperatingImpact? Impact, bool? Alternative, PersonOption? Requester, bool ForCitizen, string? CitizenName, string? CitizenDocument,
        int? CitizenUnitId);

    private Draft blank = default!;
    private Draft? saved;
    private bool draftLoaded;
    private bool draftClosed;
    private bool draftRestored;

    private async Task<string> DraftKeyAsync() =>
        $"siget-registro-{(SelfService ? "portal" : "personal")}-{(await AuthenticationState).User.ToActor().UserId}";

    private Draft Capture() => new(request.Kind, request.Channel, service?.Code, request.Subject, request.Description, request.Impact,
        request.AlternativeAvailable, forCitizen ? null : requester, forCitizen, citizen.FullName, citizen.Document, citizen.UnitId);

    private void Apply(Draft draft)
    {
        request = new RegisterTicketRequest
        {
            Kind = draft.Kind, Channel = SelfService ? Channel.Intranet : draft.Channel, Subject = draft.Subject ?? "",
            Description = draft.Description ?? "", Impact = draft.Impact, AlternativeAvailable = draft.Alternative,
        };
        service = catalog.FirstOrDefault(e => e.Code == draft.ServiceCode); // a service retired since is left to choose again
        requester = SelfService ? null : draft.Requester;
        forCitizen = !SelfService && draft.ForCitizen;
        citizen = new CitizenRequest { FullName = draft.CitizenName ?? "", Document = draft.CitizenDocument ?? "", UnitId = draft.CitizenUnitId };
    }

    // Browser storage exists only once the circuit is interactive; after that, every render that changed a field saves it.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                var stored = await Drafts.GetAsync<Draft>(await DraftKeyAsync());
                draftLoaded = true;
                if (stored is { Success: true, Value: { } draft } && draft != blank && Capture() == blank)
                {
                    Apply(draft);
                    saved = draft;
                    draftRestored = true;
                }
                StateHasChanged();
                return;
            }
            if (!draftLoaded || draftClosed) return;
            var now = Capture();
            if (now == (saved ?? blank)) return;
            saved = now;
            if (now == blank) await Drafts.DeleteAsync(await DraftKeyAsync());
            else await Drafts.SetAsync(await DraftKeyAsync(), now);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            draftLoaded = true;
            await Drafts.DeleteAsync(await DraftKeyAsync()); // a draft from before a key rotation cannot be read
        }
        catch (JSDisconnectedException)
        {
            // The page is going away; the last saved draft stands.
        }
    }

    private async Task DiscardDraftAsync()
    {
        Apply(blank);
        files.Clear();
        (error, blockedByFiles) = (null, false);
        draftRestored = false;
        saved = blank;
        await Drafts.DeleteAsync(await DraftKeyAsync());
    }

    private async Task ForgetDraftAsync()
    {
        draftClosed = true;
        try { await Drafts.DeleteAsync(await DraftKeyAsync()); }
        catch (JSDisconnectedException) { }
    }
}

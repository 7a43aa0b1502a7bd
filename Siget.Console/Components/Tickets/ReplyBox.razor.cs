using System.Net.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using Microsoft.JSInterop;
using MudBlazor;
using Siget.Console;
using Siget.Console.Components;
using Siget.Console.Components.Admin;
using Siget.Console.Components.Board;
using Siget.Console.Components.Layout;
using Siget.Console.Components.Shared;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Board;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.Notifications;
using Siget.Console.Services.People;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;
using static Microsoft.AspNetCore.Components.Web.RenderMode;

namespace Siget.Console.Components.Tickets;

public partial class ReplyBox
{
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;
    [Parameter, EditorRequired] public int TicketId { get; set; }
    [Parameter] public bool MayWriteNotes { get; set; }
    [Parameter] public bool MayReplyPublicly { get; set; } = true;
    /// <summary>False when the ticket no longer takes this person's messages (it left their view, or closed): what was
    /// written stays in the box to be copied.</summary>
    [Parameter] public bool CanSend { get; set; } = true;
    /// <summary>
    /// Runs the send as the page's own change (see TicketPage): null when done, otherwise the message to show (a reply
    /// that lost a race is explained by the page, which knows what the person saw). Without it, the send runs as is.
    /// </summary>
    [Parameter] public Func<TicketAction, Func<Task>, Task<ChangeRefused?>>? Run { get; set; }
    /// <summary>True when a key is pressed or text arrives, false when the reply is sent or emptied: for presence, which
    /// ends the writing by itself after a quiet moment.</summary>
    [Parameter] public Action<bool>? OnWriting { get; set; }

    /// <summary>Something written or attached and not sent yet.</summary>
    public bool HasDraft => !string.IsNullOrWhiteSpace(text) || !files.IsEmpty;

    private string? text;
    private bool isInternal;
    private bool sending;
    private bool draftRestored;
    private string? error;
    private bool errorIsRace;
    private readonly PickedFiles files = new();
    private DateTimeOffset lastKeyTold;

    // No receiver: a key press tells presence without rendering the box again (the text arrives through ValueChanged).
    private EventCallback<KeyboardEventArgs> keyPressed;

    protected override void OnInitialized() => keyPressed = new(null, (Action<KeyboardEventArgs>)KeyPressed);

    /// <summary>The first key tells the others at once; later keys at most once a second (the text itself waits for a pause).</summary>
    private void KeyPressed(KeyboardEventArgs e)
    {
        if (e.Key is not { Length: 1 } && e.Key is not ("Backspace" or "Delete" or "Enter")) return; // Tab, arrows, shortcuts
        var now = Clock.GetUtcNow();
        if (now - lastKeyTold < TimeSpan.FromSeconds(1)) return;
        lastKeyTold = now;
        OnWriting?.Invoke(true);
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

    protected override void OnParametersSet()
    {
        if (!MayReplyPublicly) isInternal = true;
    }

    private string DraftKey => $"siget-borrador-{Actor.UserId}-{TicketId}";

    // Browser storage exists only once the circuit is interactive.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        try
        {
            var draft = await Drafts.GetAsync<string>(DraftKey);
            if (draft is { Success: true, Value: { Length: > 0 } saved } && string.IsNullOrEmpty(text))
            {
                text = saved;
                draftRestored = true;
                StateHasChanged();
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            await Drafts.DeleteAsync(DraftKey); // a draft from before a key rotation cannot be read
        }
    }

    private async Task TextChanged(string? value)
    {
        text = value;
        OnWriting?.Invoke(!string.IsNullOrEmpty(value));
        if (string.IsNullOrEmpty(value)) await Drafts.DeleteAsync(DraftKey);
        else await Drafts.SetAsync(DraftKey, value);
    }

    private async Task SendAsync()
    {
        // A file refused when picked is never left behind silently: nothing is sent until the person removes it.
        error = files.Blocking;
        errorIsRace = false;
        blockedByFiles = error is not null;
        if (blockedByFiles) return;
        sending = true;
        try
        {
            var uploads = await BrowserUploads.BufferAsync(files.Accepted);
            ChangeRefused? refusal;
            try
            {
                Func<Task> send = () => Conversation.ReplyAsync(Actor, TicketId, text ?? "", isInternal, uploads);
                var action = isInternal ? TicketAction.AnotarNota : TicketAction.Responder;
                refusal = Run is null ? await Plain(send) : await Run(action, send);
            }
            finally
            {
                foreach (var upload in uploads) await upload.Content.DisposeAsync();
            }
            if (refusal is not null)
            {
                (error, errorIsRace) = (refusal.Message, refusal.LostRace); // the text and files stay in the box, and the draft in storage
                return;
            }
            files.Clear();
            text = null;
            draftRestored = false;
            OnWriting?.Invoke(false);
            await Drafts.DeleteAsync(DraftKey);
            Snackbar.Add(isInternal ? "Nota guardada." : "Respuesta enviada.", Severity.Success);
        }
        catch (IOException)
        {
            error = "No se pudo recibir uno de los archivos (¿pesa más de 10 MB?). Vuelva a adjuntarlo.";
        }
        finally
        {
            sending = false;
        }
    }

    private static async Task<ChangeRefused?> Plain(Func<Task> send)
    {
        try
        {
            await send();
            return null;
        }
        catch (DomainException ex) { return new(ex.Message, LostRace: false); }
        catch (TicketConflictException ex) { return new(ex.Message, LostRace: true); }
    }
}

using System.Net.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Routing;
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

namespace Siget.Console.Components.Admin;

public partial class UsersPage
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private Actor actor = default!;
    private MudTable<UserRow>? table;
    private string? search;
    private Role? role;

    protected override async Task OnInitializedAsync() => actor = (await AuthenticationState).User.ToActor();

    private async Task<TableData<UserRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var (rows, total) = await Users.ListAsync(actor, new UserQuery(search, role), state.Page * state.PageSize, state.PageSize, ct);
        return new TableData<UserRow> { Items = rows, TotalItems = total };
    }

    private async Task SearchAsync(string? text) { search = text; await Reload(); }
    private async Task RoleAsync(Role? value) { role = value; await Reload(); }
    private Task Reload() => table?.ReloadServerData() ?? Task.CompletedTask;

    // The dialogs run their command themselves and stay open when it is refused; what is left here is the good news.
    private async Task CreateAsync()
    {
        var form = new UserForm();
        if (await AskAsync("Nuevo usuario", form, askPassword: true, (f, password) => Users.CreateAsync(actor, f, password!)))
            await DoneAsync($"Usuario {form.UserName.Trim()} creado.");
    }

    private async Task EditAsync(UserRow row)
    {
        var form = row.ToForm();
        if (await AskAsync($"Editar a {row.FullName}", form, askPassword: false, (f, _) => Users.UpdateAsync(actor, row.Id, f)))
            await DoneAsync($"{form.FullName.Trim()}: cambios guardados.");
    }

    private async Task ResetAsync(UserRow row)
    {
        var parameters = new DialogParameters<PasswordDialog>
        {
            { d => d.PersonName, row.FullName }, { d => d.Save, password => Users.ResetPasswordAsync(actor, row.Id, password) },
        };
        var result = await (await Dialogs.ShowAsync<PasswordDialog>("Restablecer contraseña", parameters, Options)).Result;
        if (result is { Canceled: false }) await DoneAsync($"{row.FullName}: contraseña restablecida. Sus sesiones abiertas se cerrarán.");
    }

    private Task UnlockAsync(UserRow row) => RunAsync(() => Users.UnlockAsync(actor, row.Id), $"{row.FullName}: cuenta desbloqueada.");

    private Task ReactivateAsync(UserRow row) => RunAsync(() => Users.ReactivateAsync(actor, row.Id), $"{row.FullName}: cuenta reactivada.");

    private async Task DeactivateAsync(UserRow row)
    {
        var ok = await Dialogs.ShowMessageBoxAsync("Desactivar cuenta",
            $"{row.FullName} no podrá ingresar y sus pantallas abiertas se cerrarán en menos de un minuto. Sus tickets siguen asignados.",
            yesText: "Desactivar", cancelText: "Cancelar");
        if (ok == true) await RunAsync(() => Users.DeactivateAsync(actor, row.Id), $"{row.FullName}: cuenta desactivada.");
    }

    /// <summary>Shows the user dialog, which saves with <paramref name="save"/>; true once saved.</summary>
    private async Task<bool> AskAsync(string title, UserForm form, bool askPassword, Func<UserForm, string?, Task> save)
    {
        var parameters = new DialogParameters<UserDialog>
        {
            { d => d.Form, form }, { d => d.AskPassword, askPassword }, { d => d.Save, save },
            { d => d.Units, await People.UnitsAsync() }, { d => d.Vendors, await People.VendorsAsync() },
        };
        var result = await (await Dialogs.ShowAsync<UserDialog>(title, parameters, Options)).Result;
        return result is { Canceled: false };
    }

    private async Task DoneAsync(string done)
    {
        Snackbar.Add(done, Severity.Success);
        await Reload();
    }

    /// <summary>The commands without a dialog (unlock, deactivate, reactivate): a refusal is said in a message.</summary>
    private async Task RunAsync(Func<Task> command, string done)
    {
        try
        {
            await command();
            await DoneAsync(done);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private static DialogOptions Options { get; } = new() { MaxWidth = MaxWidth.Small, FullWidth = true };
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Console.Services.People;

namespace Siget.Console.Components.Account;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST from the shell's form, which carries the antiforgery token; without it, refused.</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/cuenta");
        account.MapPost("/salir", async (HttpContext context, [FromServices] SignInManager<ApplicationUser> signInManager, [FromServices] AuditLog audit) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var actor = context.User.ToActor();
                await audit.RecordAsync(actor.UserId, actor.Name, "Salida", context.User.Identity.Name ?? actor.Name,
                    address: context.Connection.RemoteIpAddress?.ToString());
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/cuenta/ingresar");
        }).RequireAntiforgery();
        return account;
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Siget.Console.Data;

namespace Siget.Console.Components.Account;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST from the shell's form (antiforgery-protected by the form).</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/cuenta");
        account.MapPost("/salir", async ([FromServices] SignInManager<ApplicationUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/cuenta/ingresar");
        });
        return account;
    }
}

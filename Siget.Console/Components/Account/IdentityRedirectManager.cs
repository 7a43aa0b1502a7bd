using Microsoft.AspNetCore.Components;

namespace Siget.Console.Components.Account;

/// <summary>Redirects from the static sign-in pages, never to another site.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    /// <summary>Goes to <paramref name="uri"/> when it is an address of this site, else to the home page.</summary>
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(ReturnAddress.Local(uri));
}

/// <summary>Where a sign-in may send the person back to: an address of this site, whatever was typed.</summary>
internal static class ReturnAddress
{
    private static readonly Uri Site = new("http://siget.invalid/");

    /// <summary>
    /// The address relative to the site's root (<c>cola/todos?prioridad=Alta</c>), or "" (the home page) for anything
    /// that would leave the site: <c>//host</c>, <c>/\host</c>, <c>https://host</c>, <c>javascript:</c>, control characters.
    /// Resolving it as a browser would, against a stand-in origin, and keeping it only if the origin did not change
    /// covers the spellings a list of bad prefixes misses.
    /// </summary>
    public static string Local(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048 || returnUrl.Any(c => char.IsControl(c) || c == '\\')) return "";
        if (!Uri.TryCreate(Site, returnUrl, out var target) || target.Scheme != Site.Scheme || target.Authority != Site.Authority) return "";
        return target.PathAndQuery.TrimStart('/') + target.Fragment;
    }
}

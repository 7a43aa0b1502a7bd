using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Siget.Console.Components.Account;
using Siget.Console.Live;

namespace Siget.Console.Tests.Live;

/// <summary>The live screens (Blazor circuits) of a person whose account an administrator changed end at once, without
/// waiting for the periodic check: their authentication turns anonymous, which sends the screen to the sign-in page.</summary>
public class SessionRevocationTests
{
    private readonly SessionRevocations _revocations = new();

    [Fact]
    public async Task Revoking_a_person_s_sessions_signs_out_each_of_their_screens_at_once_and_nobody_else_s()
    {
        using var luisQueue = Screen("luis");
        using var luisTicket = Screen("luis");
        using var ana = Screen("ana");
        var changed = 0;
        luisQueue.AuthenticationStateChanged += _ => changed++;

        _revocations.Revoke("luis");

        (await IsSignedIn(luisQueue)).Should().BeFalse();
        (await IsSignedIn(luisTicket)).Should().BeFalse();
        changed.Should().Be(1, "the screen is told, so it re-renders and leaves for the sign-in page");
        (await IsSignedIn(ana)).Should().BeTrue();
    }

    [Fact]
    public async Task A_closed_screen_no_longer_listens()
    {
        var closed = Screen("luis");
        ((IDisposable)closed).Dispose();
        using var open = Screen("luis");

        _revocations.Revoke("luis");

        (await IsSignedIn(open)).Should().BeFalse();
    }

    /// <summary>A circuit's provider signed in as <paramref name="userId"/>, with a periodic check far away (five minutes).</summary>
    private IdentityRevalidatingAuthenticationStateProvider Screen(string userId)
    {
        var provider = new IdentityRevalidatingAuthenticationStateProvider(NullLoggerFactory.Instance, scopeFactory: null!,
            Options.Create(new IdentityOptions()), Options.Create(new SessionCheckOptions { RevalidationSeconds = 300 }), _revocations);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "siget"));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return provider;
    }

    private static async Task<bool> IsSignedIn(AuthenticationStateProvider provider) =>
        (await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true;
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Siget.Console.Data;
using Siget.Console.Live;

namespace Siget.Console.Components.Account;

/// <summary>
/// A live circuit's user. A person deactivated (or whose security stamp changed: password reset, role or company
/// change) loses their open screens, sent to the sign-in page: at once when this process made the change
/// (<see cref="SessionRevocations"/>), else at the next check, every <see cref="SessionCheckOptions.RevalidationSeconds"/>.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory scopeFactory;
    private readonly IOptions<IdentityOptions> options;
    private readonly SessionRevocations revocations;
    private readonly TimeSpan interval;

    public IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options, IOptions<SessionCheckOptions> sessions, SessionRevocations revocations) : base(loggerFactory)
    {
        this.scopeFactory = scopeFactory;
        this.options = options;
        this.revocations = revocations;
        interval = sessions.Value.RevalidationInterval;
        revocations.Revoked += OnRevoked;
    }

    protected override TimeSpan RevalidationInterval => interval;

    private void OnRevoked(string userId)
    {
        var state = GetAuthenticationStateAsync();
        if (!state.IsCompletedSuccessfully || state.Result.User.FindFirstValue(ClaimTypes.NameIdentifier) != userId) return;
        // Anonymous now: the router shows RedirectToLogin, which loads the sign-in page and so ends this circuit.
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) revocations.Revoked -= OnRevoked;
        base.Dispose(disposing);
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await ValidateSecurityStampAsync(userManager, authenticationState.User);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<ApplicationUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || !user.IsActive)
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}

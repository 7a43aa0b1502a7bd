using System.ComponentModel.DataAnnotations;

namespace Siget.Console.Live;

/// <summary>
/// "This person's sessions end now": raised in process when an administrator deactivates someone, changes their role
/// or vendor company, or resets their password. Their live screens and hub connections close at once; the periodic
/// revalidation (<see cref="SessionCheckOptions.RevalidationSeconds"/>) stays as the fallback for changes this process did
/// not make (another server, the database edited by hand).
/// </summary>
public sealed class SessionRevocations
{
    public event Action<string>? Revoked;

    public void Revoke(string userId)
    {
        foreach (var handler in Revoked?.GetInvocationList().Cast<Action<string>>() ?? [])
        {
            // One closing session must not keep the others open, nor fail the administrator's command.
            try { handler(userId); } catch (Exception) { }
        }
    }
}

/// <summary>How often live sessions and sign-in cookies are checked against the accounts (section <c>Sessions</c>).</summary>
public sealed class SessionCheckOptions
{
    public const string Section = "Sessions";
    public const string FormerSection = "Sesiones";

    /// <summary>Seconds between checks of each live screen, hub connection and sign-in cookie.</summary>
    [Range(1, 300, ErrorMessage = "debe estar entre {1} y {2}.")]
    public int RevalidationSeconds { get; set; } = 10;

    public TimeSpan RevalidationInterval => TimeSpan.FromSeconds(RevalidationSeconds);
}

using Siget.Core.Access;

namespace Siget.Console.Tests.Infrastructure;

/// <summary>
/// The help desk of <see cref="HelpDeskFixture"/> plus the two people its stories do not need: an administrator and a
/// second user of the first vendor company (who follows its tickets without holding them). For tests that go over
/// every role; a running app of its own, so the extra people change no other test's lists.
/// </summary>
public sealed class EveryRoleDesk : HelpDeskFixture, IAsyncLifetime
{
    public Actor Administrator { get; private set; } = default!;
    public Actor VendorColleague { get; private set; } = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Administrator = await App.AddPersonAsync("admin", Role.Administrador, "Elena Díaz Torres");
        VendorColleague = await App.AddPersonAsync("proveedor-colega", Role.Proveedor, "Iván Rojas Pinto", vendorCompanyId: VendorCompanyId);
    }

    /// <summary>Every role, with its user name (to sign in) and a short label for assertion messages.</summary>
    public IReadOnlyList<(string Label, string UserName, Actor Actor)> Everyone =>
    [
        ("solicitante", "usuario1", Requester),
        ("técnico", "tecnico1", Technician),
        ("especialista", "especialista", Specialist),
        ("proveedor", "proveedor", Vendor),
        ("colega del proveedor", "proveedor-colega", VendorColleague),
        ("otra empresa", "proveedor2", OtherVendor),
        ("supervisor", "supervisor", Supervisor),
        ("administrador", "admin", Administrator),
    ];
}

[CollectionDefinition(Name)]
public sealed class EveryRoleCollection : ICollectionFixture<EveryRoleDesk>
{
    public const string Name = "Every role over one SQLite file";
}

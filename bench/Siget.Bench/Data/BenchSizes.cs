using System.Globalization;

namespace Siget.Bench.Data;

/// <summary>How big the generated help desk is. The defaults are the issue's: three years of a UTI with 1,000,000
/// tickets, 10,000 of them open, 300 staff accounts (60 active technicians among them) and 2,000 requesters.</summary>
public sealed record BenchSizes(int TotalTickets = 1_000_000, int OpenTickets = 10_000, int Staff = 300, int Requesters = 2_000, int Years = 3)
{
    /// <summary>Active people per role; the rest of <see cref="Staff"/> are former staff (inactive) who still appear in the history.</summary>
    public int Technicians => Math.Min(60, Staff / 5);
    public int Specialists => Math.Min(40, Staff / 7);
    public int VendorUsers => Math.Min(30, Staff / 10);
    public int Supervisors => Math.Clamp(Staff / 40, 1, 8);
    public int Administrators => Math.Clamp(Staff / 75, 1, 4);
    public int FormerStaff => Math.Max(0, Staff - Technicians - Specialists - VendorUsers - Supervisors - Administrators);

    /// <summary>Reads <c>--tickets N --open N --staff N --requesters N --years N</c>; missing ones keep their default.</summary>
    public static BenchSizes Parse(IReadOnlyList<string> args)
    {
        var sizes = new BenchSizes();
        int Read(string name, int fallback)
        {
            var i = args.ToList().IndexOf(name);
            return i >= 0 && i + 1 < args.Count ? int.Parse(args[i + 1].Replace("_", ""), CultureInfo.InvariantCulture) : fallback;
        }
        sizes = sizes with
        {
            TotalTickets = Read("--tickets", sizes.TotalTickets),
            OpenTickets = Read("--open", sizes.OpenTickets),
            Staff = Read("--staff", sizes.Staff),
            Requesters = Read("--requesters", sizes.Requesters),
            Years = Read("--years", sizes.Years),
        };
        if (sizes.OpenTickets > sizes.TotalTickets / 2) throw new ArgumentException("--open must be at most half of --tickets.");
        if (sizes.Staff < 20 || sizes.Requesters < 10) throw new ArgumentException("--staff must be at least 20 and --requesters at least 10.");
        return sizes;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{TotalTickets:N0} tickets ({OpenTickets:N0} open) over {Years} years, {Staff} staff ({Technicians} active technicians), {Requesters:N0} requesters");
}

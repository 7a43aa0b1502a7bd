using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Console.Data.Demo;

/// <summary>
/// Development only: demo accounts (password <see cref="Password"/>), units and Tambos, a vendor company and a few
/// hundred realistic tickets in every state, written through the domain so their history is real.
/// </summary>
public static partial class DemoData
{
    public const string Password = "Siget#2026";
    private const int TicketCount = 320;

    /// <summary>
    /// Seeds in one transaction, so an interrupted first start leaves nothing half written. Each part first looks for
    /// what is already there (units, the vendor, each account, the tickets, the problem, the articles) and adds only what
    /// is missing: a database left half seeded by an earlier version is completed, and a complete one is left as it is.
    /// </summary>
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SigetDbContext>();
        // Identity's store works on this same scoped context, so the accounts are inside the transaction too.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var existingUnits = await db.Units.ToListAsync(ct);
        var units = Units().Select(u => existingUnits.FirstOrDefault(e => e.Name == u.Name) ?? db.Units.Add(u).Entity).ToList();
        const string vendorName = "TecnoSoluciones Perú S.A.C.";
        var vendor = await db.VendorCompanies.FirstOrDefaultAsync(v => v.Name == vendorName, ct)
            ?? db.VendorCompanies.Add(new VendorCompany
            {
                Name = vendorName, ContractReference = "Contrato N.° 015-2026-PNPAIS",
                ContractSlaHours = 24, Contact = "mesa@tecnosoluciones.example",
            }).Entity;
        await db.SaveChangesAsync(ct);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var people = new List<ApplicationUser>();
        async Task<ApplicationUser> Add(string userName, string name, Role role, Unit? unit = null, Classification? classification = null, int? vendorId = null)
        {
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new ApplicationUser
                {
                    UserName = userName, Email = $"{userName}@siget.example", EmailConfirmed = true, FullName = name, Role = role,
                    UnitId = unit?.Id, Classification = classification, VendorCompanyId = vendorId,
                };
                var result = await users.CreateAsync(user, Password);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            people.Add(user);
            return user;
        }

        var uti = units[0];
        await Add("admin", "Administrador del Sistema", Role.Administrador, uti, Classification.Especialista);
        var supervisor = await Add("supervisor", "Carmen Quispe Huamán", Role.Supervisor, uti, Classification.Ejecutivo);
        var tecnico1 = await Add("tecnico1", "Luis Mendoza Ríos", Role.Tecnico, uti, Classification.DeApoyo);
        var tecnico2 = await Add("tecnico2", "Ana Ruiz Salazar", Role.Tecnico, uti, Classification.DeApoyo);
        var especialista = await Add("especialista", "Rosa Paredes Vargas", Role.Especialista, uti, Classification.Especialista);
        await Add("proveedor", "Miguel Torres Aguilar", Role.Proveedor, vendorId: vendor.Id);
        await Add("usuario1", "María Flores Condori", Role.Usuario, units[2], Classification.Especialista);
        await Add("usuario2", "Pedro Huamán Quispe", Role.Usuario, units[9], Classification.DeApoyo);
        string[] names =
        [
            "Jorge Castillo Pérez", "Lucía Ramos Gutiérrez", "Óscar Villanueva Soto", "Elena Chávez Rojas", "Raúl Ccori Mamani",
            "Patricia Salas Núñez", "Julio Apaza Ticona", "Silvia Herrera León", "César Palomino Díaz", "Gloria Cárdenas Loayza",
            "Víctor Poma Inga", "Diana Espinoza Vega", "Hugo Zúñiga Campos", "Norma Yupanqui Llave", "Walter Aliaga Medina",
        ];
        for (var i = 0; i < names.Length; i++)
        {
            var classification = i == 0 ? Classification.DirectorEjecutivo : i < 3 ? Classification.Ejecutivo : i % 2 == 0 ? Classification.Especialista : Classification.DeApoyo;
            await Add($"servidor{i + 1:00}", names[i], Role.Usuario, units[(i % (units.Count - 1)) + 1], classification);
        }

        var sla = scope.ServiceProvider.GetRequiredService<SlaPolicy>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (!await db.Tickets.AnyAsync(ct))
            await SeedTicketsAsync(db, scope.ServiceProvider, people, [tecnico1, tecnico2], especialista, supervisor, vendor, units, ct);
        else if (!await db.Problems.AnyAsync(ct))
            await SeedProblemAsync(db, await db.Tickets.Where(t => t.SubcategoryCode == 19).ToListAsync(ct), especialista, supervisor, sla, now, ct);
        if (!await db.Articles.AnyAsync(ct))
            DemoArticles.Add(db, especialista.ToActor(), supervisor.ToActor(), now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static List<Unit> Units() =>
    [
        new() { Name = "Unidad de Tecnologías de la Información", Kind = UnitKind.Unidad },
        new() { Name = "Dirección Ejecutiva", Kind = UnitKind.Unidad },
        new() { Name = "Unidad de Administración", Kind = UnitKind.Unidad },
        new() { Name = "Unidad de Planeamiento y Presupuesto", Kind = UnitKind.Unidad },
        new() { Name = "Unidad de Asesoría Jurídica", Kind = UnitKind.Unidad },
        new() { Name = "Unidad de Recursos Humanos", Kind = UnitKind.Unidad },
        new() { Name = "Unidad de Articulación y Gestión de Servicios", Kind = UnitKind.Unidad, ServesCitizens = true },
        new() { Name = "Tambo Huayllay Grande (Huancavelica)", Kind = UnitKind.Tambo, ServesCitizens = true },
        new() { Name = "Tambo Chalhuanca (Apurímac)", Kind = UnitKind.Tambo, ServesCitizens = true },
        new() { Name = "Tambo Paucartambo (Cusco)", Kind = UnitKind.Tambo, ServesCitizens = true },
        new() { Name = "Tambo Santa Rosa (Puno)", Kind = UnitKind.Tambo, ServesCitizens = true },
        new() { Name = "Tambo Llamellín (Áncash)", Kind = UnitKind.Tambo, ServesCitizens = true },
    ];

    private static readonly Dictionary<int, string[]> Subjects = new()
    {
        [1] = ["No puedo abrir la carpeta compartida de la unidad", "Solicito acceso a carpeta compartida de Logística"],
        [5] = ["La VPN no conecta desde casa", "Error de autenticación en la VPN"],
        [6] = ["Olvidé la contraseña del correo institucional"],
        [7] = ["Mi cuenta de correo aparece bloqueada"],
        [10] = ["Recibí un correo sospechoso pidiendo mi clave"],
        [11] = ["Instalar programa de firma en mi equipo", "Activar licencia de ofimática"],
        [12] = ["La computadora no enciende", "El monitor parpadea y se apaga"],
        [13] = ["La laptop se calienta y se reinicia"],
        [15] = ["La impresora no imprime, atasco de papel", "Impresora de la unidad sin conexión"],
        [19] = ["Internet muy lento en el Tambo", "Las páginas cargan muy lento"],
        [20] = ["El internet se corta a cada rato"],
        [21] = ["Sin internet en todo el Tambo", "No hay internet en la oficina"],
        [28] = ["La firma digital no reconoce el certificado"],
        [29] = ["No puedo ingresar al SGD"],
        [32] = ["Olvidé mi contraseña de SISMONITOR"],
        [33] = ["SISMONITOR muestra error al guardar la intervención"],
        [40] = ["El teléfono IP no tiene tono"],
        [42] = ["Necesito una sala Zoom para capacitación"],
        [43] = ["No puedo unirme a reuniones de Teams"],
    };

    // Common services get more tickets, as in a real help desk.
    private static readonly int[] CommonCodes = [6, 7, 12, 15, 15, 19, 20, 21, 21, 33, 32, 5, 11, 1, 29, 43];

    private static async Task SeedTicketsAsync(SigetDbContext db, IServiceProvider services, List<ApplicationUser> people,
        ApplicationUser[] technicians, ApplicationUser specialist, ApplicationUser supervisor, VendorCompany vendor, List<Unit> units,
        CancellationToken ct)
    {
        var sla = services.GetRequiredService<SlaPolicy>();
        var clock = services.GetRequiredService<TimeProvider>();
        var random = new Random(2026);
        var now = clock.GetUtcNow().UtcDateTime;
        var requesters = people.Where(p => p.Role == Role.Usuario).ToList();
        var unitById = units.ToDictionary(u => u.Id);
        var subcategories = SeedCatalog.Subcategories;
        var vendorRef = new VendorRef(vendor.Id, vendor.Name);
        var vendorUser = people.Single(p => p.Role == Role.Proveedor).ToActor();
        var sequences = new Dictionary<int, int>();

        // Registration times spread over the last 45 days, most recent ones still open.
        var times = Enumerable.Range(0, TicketCount)
            .Select(_ => sla.Calendar.AddBusinessTime(now.AddMinutes(-random.Next(10, 45 * 24 * 60)), TimeSpan.Zero))
            .Where(t => t < now)
            .OrderBy(t => t).ToList();
        var tickets = new List<Ticket>();
        foreach (var registered in times)
        {
            var requester = requesters[random.Next(requesters.Count)];
            var unit = requester.UnitId is int uid ? unitById[uid] : null;
            var code = random.NextDouble() < 0.7 ? CommonCodes[random.Next(CommonCodes.Length)] : subcategories[random.Next(subcategories.Count)].Code;
            // The outage at Tambo Santa Rosa is the demo's own recurrence story (six incidents, RecurringOutage): random
            // outages there would change its count with the day the demo is seeded.
            if (code == OutageCode && unit?.Name.StartsWith(RecurringOutageTambo, StringComparison.Ordinal) == true) code = 20;
            var subcategory = subcategories.Single(s => s.Code == code);
            var subject = Subjects.TryGetValue(code, out var options) ? options[random.Next(options.Length)] : $"{subcategory.Name}: requiere atención";
            var byRequester = random.NextDouble() < 0.4;
            var channel = byRequester ? (random.NextDouble() < 0.8 ? Channel.Intranet : Channel.Sismonitor)
                : ChannelRules.RegisteredByStaff[random.Next(ChannelRules.RegisteredByStaff.Count)];
            var registrar = byRequester ? requester.ToActor() : technicians[random.Next(technicians.Length)].ToActor();
            var year = sla.Calendar.ToLocal(registered).Year;
            sequences[year] = sequences.GetValueOrDefault(year) + 1;

            var ticket = Ticket.Register(new TicketNumber(year, sequences[year]),
                new NewTicket(random.NextDouble() < 0.8 ? TicketKind.Incidencia : TicketKind.Peticion, channel, code, subject,
                    $"{subject}. Reportado por {requester.FullName}{(unit is null ? "" : $" de {unit.Name}")}. " +
                    "Se adjuntan los detalles indicados por el usuario durante la comunicación.",
                    (OperatingImpact)random.Next(1, 4), random.NextDouble() < 0.5,
                    new TicketRequester(requester.Id, requester.FullName, unit?.Id, unit?.Name,
                        QueueOrder.IsPreferential(requester.Classification, unit?.ServesCitizens == true))),
                registrar, registered, sla);
            Advance(ticket, random, sla.Calendar, registered, now, technicians, specialist, supervisor, vendorRef, vendorUser, requester.ToActor());
            tickets.Add(ticket);
        }
        tickets.AddRange(RecurringOutage(people, technicians, units, sla, now, sequences));
        db.Tickets.AddRange(tickets);
        foreach (var (year, last) in sequences) db.TicketSequences.Add(new TicketSequence { Year = year, Last = last });
        await db.SaveChangesAsync(ct);
        await SeedProblemAsync(db, tickets, specialist, supervisor, sla, now, ct);
    }

    /// <summary>Moves a demo ticket along a plausible path; older tickets go further.</summary>
    private static void Advance(Ticket ticket, Random random, BusinessCalendar calendar, DateTime registered, DateTime now, ApplicationUser[] technicians,
        ApplicationUser specialist, ApplicationUser supervisor, VendorRef vendor, Actor vendorUser, Actor requester)
    {
        var age = now - registered;
        var t = registered;
        // Staff act during working hours.
        DateTime Step() => t = calendar.AddBusinessTime(t, TimeSpan.FromMinutes(random.Next(5, 240))) is var next && next < now ? next : t;
        // Anything older than a week has been resolved; the open queue is the last few days' work.
        var stage = age.TotalDays > 7 ? 0.56 + random.NextDouble() * 0.44 : random.NextDouble() * Math.Min(1.0, age.TotalDays / 4);
        if (stage < 0.08) return; // still En cola

        var technician = technicians[random.Next(technicians.Length)].ToActor();
        ticket.Take(technician, Step());
        if (stage < 0.25) return;

        if (random.NextDouble() < 0.25)
        {
            ticket.Escalate(technician, "N1-RECURSOS", "Requiere revisión de la configuración del servidor; excede lo disponible en Nivel 1.", null, Step());
            var sp = specialist.ToActor();
            ticket.Take(sp, Step());
            if (stage < 0.35) return;
            if (random.NextDouble() < 0.3)
            {
                ticket.Escalate(sp, "N2-INFRAESTRUCTURA", "El equipo está en garantía; se deriva al proveedor según contrato.", vendor, Step());
                ticket.Take(vendorUser, Step());
                if (stage < 0.45) return;
                ticket.Resolve(vendorUser, "Se reemplazó el componente defectuoso en garantía y se verificó el funcionamiento.", Step());
            }
            else
            {
                ticket.Resolve(sp, "Se ajustó la configuración y se probó con el usuario.", Step());
            }
        }
        else
        {
            if (random.NextDouble() < 0.03)
            {
                ticket.Cancel(supervisor.ToActor(), "Ticket duplicado: el mismo caso ya está registrado.", Step());
                return;
            }
            ticket.Resolve(technician, "Se atendió de forma remota, se aplicó la corrección y el usuario confirmó el funcionamiento.", Step());
        }
        if (stage < 0.55) return; // Resuelto, waiting for the requester
        if (age.TotalDays < 7 && random.NextDouble() < 0.15)
        {
            ticket.Reopen(requester, "El problema volvió a presentarse al día siguiente.", Step());
            return;
        }
        ticket.Finalize(requester, Step(), new Satisfaction(random.Next(3, 6), null));
    }
}

using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

[Collection(HelpDeskCollection.Name)]
public class RefusedRegistrationsTests(HelpDeskFixture f)
{
    private const int RetiredCode = 16; // Proyector multimedia, retired by the test that needs it

    [Theory]
    [InlineData("an unknown service code", "El servicio 99 no existe en el catálogo.")]
    [InlineData("a retired service", "El servicio «Proyector multimedia» fue retirado del catálogo; elija otro.")]
    [InlineData("no service", "Elija el servicio del catálogo.")]
    [InlineData("an empty subject", "Complete el asunto.")]
    [InlineData("a subject of 151 characters", "Escriba como máximo 150 caracteres en el asunto.")]
    [InlineData("an empty description", "Complete la descripción.")]
    [InlineData("a description of 4001 characters", "Escriba como máximo 4000 caracteres en la descripción.")]
    [InlineData("no impact", "Indique cuánto afecta a la capacidad operativa de la unidad o Tambo.")]
    [InlineData("no answer about alternatives", "Indique si se dispone de equipos o sistemas alternativos.")]
    [InlineData("no requester", "Elija a la persona que solicita la atención.")]
    [InlineData("an inactive requester", "La persona solicitante no existe o está inactiva.")]
    [InlineData("a vendor user as requester", "La persona solicitante no existe o está inactiva.")]
    [InlineData("a Usuario registering by phone", "Desde el portal solo se registran tickets por Intranet o SISMONITOR.")]
    [InlineData("a Usuario registering a problem", "Los problemas los registra el personal de la UTI.")]
    [InlineData("a Proveedor registering", "Su rol no permite registrar tickets.")]
    [InlineData("a technician registering as if from the Intranet", "El personal de la UTI registra tickets recibidos por teléfono, en forma presencial o por correo electrónico.")]
    public async Task A_registration_is_refused_in_Spanish_and_nothing_is_saved(string badInput, string message)
    {
        var (actor, request) = await Prepare(badInput);
        var before = await f.CountsAsync();

        var register = () => f.Registration.RegisterAsync(actor, request);

        await register.Should().ThrowExactlyAsync<DomainException>().WithMessage(message);
        (await f.CountsAsync()).Should().Be(before, "a refused registration must not leave a ticket, a history row or a used number");
    }

    [Fact]
    public async Task A_refusal_does_not_use_up_a_number()
    {
        var tag = HelpDeskFixture.NewTag();
        var first = await f.RegisterAsync($"{tag} antes");
        await f.Invoking(x => x.Registration.RegisterAsync(f.Technician, HelpDeskFixture.Phoned(f.Requester, subject: "")))
            .Should().ThrowAsync<DomainException>();

        var next = await f.RegisterAsync($"{tag} después");

        TicketNumber.TryParse(first.Number, out var a).Should().BeTrue();
        TicketNumber.TryParse(next.Number, out var b).Should().BeTrue();
        b.Sequence.Should().Be(a.Sequence + 1);
    }

    private async Task<(Actor, RegisterTicketRequest)> Prepare(string badInput)
    {
        var request = HelpDeskFixture.Phoned(f.Requester);
        var actor = f.Technician;
        switch (badInput)
        {
            case "an unknown service code": request.SubcategoryCode = 99; break;
            case "a retired service":
                await using (var db = f.App.CreateDbContext())
                {
                    (await db.Subcategories.SingleAsync(s => s.Code == RetiredCode)).Retire();
                    await db.SaveChangesAsync();
                }
                request.SubcategoryCode = RetiredCode;
                break;
            case "no service": request.SubcategoryCode = null; break;
            case "an empty subject": request.Subject = "   "; break;
            case "a subject of 151 characters": request.Subject = new string('a', TicketLimits.SubjectMaxLength + 1); break;
            case "an empty description": request.Description = ""; break;
            case "a description of 4001 characters": request.Description = new string('d', TicketLimits.DescriptionMaxLength + 1); break;
            case "no impact": request.Impact = null; break;
            case "no answer about alternatives": request.AlternativeAvailable = null; break;
            case "no requester": request.RequesterId = null; break;
            case "an inactive requester": request.RequesterId = f.Inactive.UserId; break;
            case "a vendor user as requester": request.RequesterId = f.Vendor.UserId; break;
            case "a Usuario registering by phone": actor = f.Requester; break;
            case "a Usuario registering a problem":
                actor = f.Requester;
                request.Channel = Channel.Intranet;
                request.Kind = TicketKind.Problema;
                break;
            case "a Proveedor registering": actor = f.Vendor; break;
            case "a technician registering as if from the Intranet": request.Channel = Channel.Intranet; break;
            default: throw new ArgumentOutOfRangeException(nameof(badInput), badInput, null);
        }
        return (actor, request);
    }
}

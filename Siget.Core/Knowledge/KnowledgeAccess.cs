using System.Linq.Expressions;
using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Core.Knowledge;

/// <summary>
/// Who may write and read the knowledge base. Specialists and supervisors write (Nivel 2 and the head of UTI know the
/// solutions worth keeping); they read everything, drafts and archived articles included. Technicians and
/// administrators read published articles, internal and public. Requesters and vendors (outside the UTI) read only
/// published public ones.
/// </summary>
public static class KnowledgeAccess
{
    public const string WriteRefusal = "Solo los especialistas de TI y el Ejecutivo de la UTI escriben artículos de la base de conocimiento.";
    public const string NotFound = "No se encontró el artículo.";

    public static bool MayWrite(Actor actor) => actor.Role is Role.Especialista or Role.Supervisor;

    public static void DemandWrite(Actor actor)
    {
        if (!MayWrite(actor)) throw new DomainException(WriteRefusal);
    }

    /// <summary>UTI staff read internal articles; everyone else only public ones.</summary>
    public static bool ReadsInternal(Actor actor) => actor.Role is Role.Tecnico or Role.Especialista or Role.Supervisor or Role.Administrador;

    /// <summary>The articles <paramref name="actor"/> may open, as a filter for the database.</summary>
    public static Expression<Func<Article, bool>> VisibleTo(Actor actor)
    {
        if (MayWrite(actor)) return _ => true;
        if (ReadsInternal(actor)) return a => a.State == ArticleState.Publicado;
        return a => a.State == ArticleState.Publicado && a.Visibility == ArticleVisibility.Publica;
    }

    public static bool MayRead(Actor actor, Article article) => VisibleTo(actor).Compile()(article);

    /// <summary>Older versions may say things that were corrected or were never public: only the UTI reads them.</summary>
    public static bool MayReadHistory(Actor actor) => ReadsInternal(actor);

    /// <summary>A ticket's solution is worth an article once the ticket is resolved (or closed) with one.</summary>
    public static bool MayDraftFrom(Ticket ticket) =>
        ticket.State is TicketState.Resuelto or TicketState.Finalizado && !string.IsNullOrWhiteSpace(ticket.Solution);
}

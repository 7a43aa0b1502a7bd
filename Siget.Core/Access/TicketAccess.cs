using System.Linq.Expressions;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Core.Access;

/// <summary>
/// Who may see which tickets. One expression serves the database (applied to every query) and memory.
/// Usuario: own tickets. Técnico: level 1 and those assigned to them. Especialista: levels 2 and 3 (they
/// escalate to vendors and follow them) and those assigned to them. Proveedor: only tickets escalated to
/// its company. Supervisor and Administrador: all. An integration (API key): the tickets of its channel.
/// </summary>
public static class TicketAccess
{
    public static Expression<Func<Ticket, bool>> VisibleTo(Actor actor)
    {
        var userId = actor.UserId;
        var company = actor.VendorCompanyId;
        var channel = actor.IntegrationChannel;
        return actor.Role switch
        {
            Role.Supervisor or Role.Administrador or Role.Sistema => t => true,
            Role.Tecnico or Role.Especialista => Or(AtLevels(LevelsOf(actor.Role)), t => t.AssigneeId == userId),
            Role.Proveedor when company is not null => t => t.VendorCompanyId == company,
            Role.Usuario => t => t.RequesterId == userId,
            Role.Integracion when channel is not null => t => t.Channel == channel,
            _ => t => false,
        };
    }

    public static bool CanSee(Actor actor, Ticket ticket) => VisibleTo(actor).Compile()(ticket);

    /// <summary>The levels a technician or specialist sees whoever they are; besides them, what is assigned to them.</summary>
    public static IReadOnlySet<SupportLevel> LevelsOf(Role role) => role switch
    {
        Role.Tecnico => Nivel1,
        Role.Especialista => Nivel2And3,
        _ => NoLevel,
    };

    /// <summary>
    /// Which viewers may share an answer (a queue window, the menu's counts) computed for <paramref name="actor"/>:
    /// everyone with the same <see cref="SharedAnswer.Key"/>, asked as <see cref="SharedAnswer.AskAs"/>. Null: nobody,
    /// the rule reads who the person is (a requester's tickets, a vendor's company). Follows from <see cref="VisibleTo"/>:
    /// change one, change the other (the grid test in Siget.Console.Tests compares every cached answer with the query).
    /// </summary>
    public static SharedAnswer? SharedAnswerFor(Actor actor) => actor.Role switch
    {
        Role.Supervisor or Role.Administrador or Role.Sistema => new SharedAnswer($"all:{actor.Role}", actor, null),
        // "Their levels or assigned to them": the levels part is what a colleague assigned to nothing sees.
        Role.Tecnico or Role.Especialista => new SharedAnswer($"role:{actor.Role}", new Actor("", "", actor.Role), LevelsOf(actor.Role)),
        _ => null,
    };

    /// <summary>Tickets at one of <paramref name="levels"/> (an OR of equalities, as the database likes it).</summary>
    public static Expression<Func<Ticket, bool>> AtLevels(IReadOnlySet<SupportLevel> levels)
    {
        var ticket = Expression.Parameter(typeof(Ticket), "t");
        var level = Expression.Property(ticket, nameof(Ticket.Level));
        var body = levels.Order().Select(l => (Expression)Expression.Equal(level, Expression.Constant(l)))
            .DefaultIfEmpty(Expression.Constant(false)).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Ticket, bool>>(body, ticket);
    }

    private static Expression<Func<Ticket, bool>> Or(Expression<Func<Ticket, bool>> left, Expression<Func<Ticket, bool>> right) =>
        Expression.Lambda<Func<Ticket, bool>>(Expression.OrElse(left.Body, new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body)),
            left.Parameters);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private static readonly IReadOnlySet<SupportLevel> Nivel1 = new HashSet<SupportLevel> { SupportLevel.Nivel1 };
    private static readonly IReadOnlySet<SupportLevel> Nivel2And3 = new HashSet<SupportLevel> { SupportLevel.Nivel2, SupportLevel.Nivel3 };
    private static readonly IReadOnlySet<SupportLevel> NoLevel = new HashSet<SupportLevel>();

    /// <summary>
    /// Which tickets a person follows live (lists, counts, events): what they may see, except that a vendor follows only
    /// the tickets at level 3 now; one that left keeps its read-only page, frozen when it left.
    /// </summary>
    public static Expression<Func<Ticket, bool>> FollowedBy(Actor actor)
    {
        if (actor.Role != Role.Proveedor) return VisibleTo(actor);
        var company = actor.VendorCompanyId;
        return company is null ? t => false : t => t.VendorCompanyId == company && t.Level == SupportLevel.Nivel3;
    }

    /// <summary>UTI staff register tickets on behalf of others and work the queue.</summary>
    public static bool MayRegisterForOthers(Actor actor) => actor.Role.IsUtiStaff();
}

/// <summary>
/// An answer that several viewers may share. <paramref name="Levels"/> null: everyone with <paramref name="Key"/> sees
/// the same tickets. Otherwise each sees the tickets at <paramref name="Levels"/> plus those assigned to them, so a
/// viewer shares only when none of their own tickets (in the states asked for) lies outside those levels.
/// </summary>
public sealed record SharedAnswer(string Key, Actor AskAs, IReadOnlySet<SupportLevel>? Levels);

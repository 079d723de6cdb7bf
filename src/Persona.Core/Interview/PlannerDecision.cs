namespace Persona.Core.Interview;

/// <summary>The planner's decision after an answer, with its reason (recorded in the audit log).</summary>
/// <param name="Action">Follow up, next category, or stop.</param>
/// <param name="Category">The category of the next question; null when stopping.</param>
/// <param name="FollowsAnswerId">For a follow-up, the answer it reflects on.</param>
/// <param name="Reason">Why, in words (no personal text).</param>
public sealed record PlannerDecision(PlannerAction Action, string? Category, string? FollowsAnswerId, string Reason);

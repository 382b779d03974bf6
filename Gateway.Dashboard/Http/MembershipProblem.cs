using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>The HTTP status of a refused membership or invitation change, with the grain's message as title.</summary>
internal static class MembershipProblem
{
    public static ProblemHttpResult For(MembershipError error, string message) =>
        TypedResults.Problem(title: message, statusCode: error switch
        {
            MembershipError.UserNotFound or MembershipError.NotRegistered or MembershipError.NotAMember
                or MembershipError.InvitationNotFound or MembershipError.OrganizationNotFound => StatusCodes.Status404NotFound,
            MembershipError.NotAllowed => StatusCodes.Status403Forbidden,
            MembershipError.InvalidInvitationLimits or MembershipError.InvalidName => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        });
}

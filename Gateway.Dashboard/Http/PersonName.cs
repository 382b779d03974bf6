using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>How the dashboard names a person: their Telegram first and last name, or their id when unknown.</summary>
internal static class PersonName
{
    public static string Of(UserInfo? user, long userId)
    {
        if (user is null) return $"User {userId}";
        var name = $"{user.Profile.FirstName} {user.Profile.LastName}".Trim();
        return name.Length == 0 ? $"User {userId}" : name;
    }
}

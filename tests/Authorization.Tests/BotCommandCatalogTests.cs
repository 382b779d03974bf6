using System.Text.RegularExpressions;
using static OrleansAssistant.Authorization.Tests.TestPrincipals;

namespace OrleansAssistant.Authorization.Tests;

public sealed partial class BotCommandCatalogTests
{
    private const bool Y = true;
    private const bool N = false;

    /// <summary>Who sees each command in AvailableTo; columns follow <see cref="TestPrincipals.Names"/>.</summary>
    private static readonly Dictionary<string, bool[]> AvailableTo = new()
    {
        //                    unreg user member owner admin admin-owner
        ["start"] =           [Y,    Y,   Y,     Y,    Y,    Y],
        ["help"] =            [Y,    Y,   Y,     Y,    Y,    Y],
        ["createorg"] =       [N,    Y,   N,     N,    Y,    N],
        ["org"] =             [N,    N,   N,     Y,    N,    Y],
        ["orginfo"] =         [N,    N,   Y,     Y,    N,    Y],
        ["invite"] =          [N,    N,   N,     Y,    N,    Y],
        ["join"] =            [N,    Y,   N,     N,    Y,    N],
        ["leave"] =           [N,    N,   Y,     Y,    N,    Y],
        ["adddb"] =           [N,    Y,   N,     Y,    Y,    Y],
        ["selectdb"] =        [N,    Y,   Y,     Y,    Y,    Y],
        ["myinfo"] =          [N,    Y,   Y,     Y,    Y,    Y],
        ["timezone"] =        [N,    Y,   Y,     Y,    Y,    Y],
        ["schedules"] =       [N,    Y,   Y,     Y,    Y,    Y],
        ["clear"] =           [N,    Y,   Y,     Y,    Y,    Y],
        ["history"] =         [N,    Y,   Y,     Y,    Y,    Y],
        ["stats"] =           [N,    Y,   Y,     Y,    Y,    Y],
        ["resetpassword"] =   [N,    N,   Y,     Y,    N,    Y],
    };

    public static TheoryData<string> Principals() => [.. Names];

    [Fact]
    public void Table_HasARowForEveryCommand() =>
        Assert.Equal(AvailableTo.Keys.Order(), BotCommandCatalog.All.Select(command => command.Name).Order());

    [Theory, MemberData(nameof(Principals))]
    public void AvailableTo_MatchesTheTable(string principal)
    {
        var column = Names.ToList().IndexOf(principal);
        var expected = BotCommandCatalog.All.Select(command => command.Name).Where(name => AvailableTo[name][column]);
        Assert.Equal(expected, BotCommandCatalog.AvailableTo(Get(principal)).Select(command => command.Name));
    }

    [Theory]
    [InlineData(User, AssistantAction.AddPersonalDatabase)]
    [InlineData(Admin, AssistantAction.AddPersonalDatabase)]
    [InlineData(Owner, AssistantAction.AddOrgDatabase)]
    [InlineData(Member, AssistantAction.AddPersonalDatabase)]
    public void AddDb_RunsAsTheActionTheStandingAllows(string principal, AssistantAction action) =>
        Assert.Equal(action, BotCommandCatalog.Find("adddb")!.ActionFor(Get(principal)));

    [Fact]
    public void AddDb_ByAMember_ExplainsThatMembersCannotAddDatabases() =>
        Assert.Equal(Refusals.MembersCannotAddDatabases, BotCommandCatalog.Find("adddb")!.CheckFor(Get(Member)).Reason);

    [Theory]
    [InlineData("invite")]
    [InlineData("/invite")]
    [InlineData("/Invite@OrleansAssistantBot")]
    public void Find_AcceptsWhatTelegramSends(string typed) =>
        Assert.Equal("invite", BotCommandCatalog.Find(typed)?.Name);

    [Fact]
    public void Find_UnknownCommand_IsNull() => Assert.Null(BotCommandCatalog.Find("/nosuch"));

    [Fact]
    public void Commands_FitTelegramsCommandMenu() => Assert.All(BotCommandCatalog.All, command =>
    {
        Assert.Matches(CommandName(), command.Name);
        Assert.InRange(command.Description.Length, 1, 256);
        Assert.StartsWith(command.Text, command.Usage, StringComparison.Ordinal);
        Assert.NotEmpty(command.Actions);
    });

    [Fact]
    public void ForEveryone_IsWhatEveryColumnOfTheTableAllows() =>
        Assert.Equal(AvailableTo.Where(row => row.Value.All(allowed => allowed)).Select(row => row.Key).Order(),
            BotCommandCatalog.ForEveryone.Select(command => command.Name).Order());

    // setMyCommands: 1-32 characters, lowercase letters, digits and underscores.
    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}

using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansAssistant.Authorization;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>A team's first day with the bot, told through Telegram: from /start to an answered question and a sent e-mail.</summary>
[Collection(BotTelegramCollection.Name)]
public sealed partial class TelegramCommandTests(BotTelegramFixture fixture)
{
    [Fact]
    public async Task Story_OwnerSetsUpAndMemberAsks_EveryStepRepliesThroughTelegram()
    {
        var telegram = fixture.Telegram;
        var owner = fixture.NewUser();
        var welcome = (await owner.SayAsync("/start")).Text;
        Assert.Contains("Welcome", welcome, StringComparison.Ordinal);
        // This installation offers no demo database, so /start names none.
        Assert.DoesNotContain("Your questions go to", welcome, StringComparison.Ordinal);

        var credentials = await owner.SayAsync("/createorg Acme", message => message.Text.Contains("Password", StringComparison.Ordinal));
        Assert.Contains($"owner_acme_{owner.Id}", credentials.Text, StringComparison.Ordinal);

        var shop = await BotShopDatabase.CreateAsync(fixture.SqliteFolder);
        var added = await owner.SayAsync($"/adddb Shop sqlite:///{shop}");
        Assert.Contains("added", added.Text, StringComparison.Ordinal);
        Assert.Single(owner.Calls("deleteMessage"));

        var invitation = await owner.SayAsync("/invite 2 7");
        var code = InvitationCode().Match(invitation.Text).Groups[1].Value;
        Assert.Equal(12, code.Length);
        Assert.Contains($"https://t.me/{telegram.Bot.Username}?start=join_{code}", invitation.Text, StringComparison.Ordinal);

        var member = fixture.NewUser();
        await member.SayAsync("/start");
        Assert.Contains("You joined", (await member.SayAsync($"/join {code}")).Text, StringComparison.Ordinal);
        var choice = await member.SayAsync("/selectdb", message => message.ReplyMarkup is not null);
        var button = Buttons(choice).Single(b => b.Text == "Shop");
        member.Press(choice, button.Data);
        await member.ReplyAfterAsync(choice.MessageId, message => message.Text.Contains("Shop", StringComparison.Ordinal));
        Assert.Contains("answerCallbackQuery", telegram.Calls);

        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = "SELECT name FROM customers ORDER BY id", answer = (string?)null }, 400, 40);
        fixture.Model.EnqueueText("Your customers are Ada, Grace and Linus.", 300, 20);
        var question = member.Write("Who are our customers?");
        var answer = await member.ShownAfterAsync(question, message => message.Text.Contains("Ada, Grace and Linus", StringComparison.Ordinal));

        Assert.Equal("HTML", answer.ParseMode);
        Assert.Equal("typing", Assert.Single(member.Calls("sendChatAction")).Parameters["action"]);
        // A quick answer comes alone: no progress message before it, no edit.
        Assert.Equal(answer, Assert.Single(telegram.ShownMessageLog.Snapshot(), message => message.ChatId == member.Id && message.MessageId > question));

        // The member has the answer e-mailed: preview, [Send], exactly one message at the SMTP server.
        var subject = $"Our customers {member.Id}";
        fixture.Model.EnqueueJson(new { way = "Email", sql = "SELECT name FROM customers ORDER BY id", answer = (string?)null }, 400, 40);
        fixture.Model.EnqueueText("Your customers are Ada, Grace and Linus.", 300, 20);
        fixture.Model.EnqueueJson(new { to = new[] { "boss@example.com" }, subject, body = "Our customers are Ada, Grace and Linus." }, 200, 60);
        member.Write("E-mail that list to boss@example.com");
        var draft = await telegram.WaitForSentMessageAsync(
            message => message.ChatId == member.Id && message.Text.Contains(subject, StringComparison.Ordinal) && message.ReplyMarkup is not null,
            BotTelegramFixture.Patience);
        member.Press(draft, Buttons(draft).Single(b => b.Text == "Send e-mail").Data);
        await telegram.WaitForSentMessageAsync(
            message => message.ChatId == member.Id && message.Text.Contains("was sent to boss@example.com", StringComparison.Ordinal),
            BotTelegramFixture.Patience);
        var mail = Assert.Single(fixture.Smtp.ReceivedWithSubject(subject));
        Assert.Equal("boss@example.com", mail.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Member_InviteAndAddDb_AreRefusedWithThePolicysReason()
    {
        var member = await BotPeople.MemberAsync(fixture);

        Assert.Equal(Refusals.OwnerOnly, (await member.SayAsync("/invite")).Text);
        var addDb = await member.SayAsync("/adddb Sales Host=db;Password=secret");

        Assert.Contains(Refusals.MembersCannotAddDatabases, addDb.Text, StringComparison.Ordinal);
        Assert.Single(member.Calls("deleteMessage")); // even refused, the secret does not stay in the chat
    }

    [Fact]
    public async Task Owner_Join_IsRefusedAsAlreadyInAnOrganization()
    {
        var owner = await BotPeople.OwnerAsync(fixture);

        Assert.Equal(Refusals.AlreadyInOrganization, (await owner.SayAsync("/join ABCDEFGHJKLM")).Text);
    }

    [Fact]
    public async Task Standalone_OrgInfoAndOrg_AreRefused()
    {
        var user = await BotPeople.StandaloneAsync(fixture);

        Assert.Equal(Refusals.NotInOrganization, (await user.SayAsync("/orginfo")).Text);
        Assert.Equal(Refusals.NoOrganizationToOwn, (await user.SayAsync("/org")).Text);
    }

    [Fact]
    public async Task Unregistered_AnyCommandButStart_IsToldToStart()
    {
        var stranger = fixture.NewUser();

        Assert.Equal(Refusals.NotRegistered, (await stranger.SayAsync("/myinfo")).Text);
    }

    [Theory]
    [InlineData("/invite x y", "/invite &lt;uses&gt; &lt;days&gt;")]
    [InlineData("/invite 0 7", "/invite &lt;uses&gt; &lt;days&gt;")]
    [InlineData("/invite 5 7 9", "/invite &lt;uses&gt; &lt;days&gt;")]
    public async Task Owner_MalformedInvite_GetsTheUsageLine(string text, string usage)
    {
        var owner = await BotPeople.OwnerAsync(fixture);

        Assert.Contains(usage, (await owner.SayAsync(text)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/join", "/join &lt;code&gt;")]
    [InlineData("/createorg", "/createorg &lt;name&gt;")]
    [InlineData("/adddb Shop", "/adddb &lt;name&gt; &lt;connection string&gt;")]
    [InlineData("/adddb \"Sales DB\"", "/adddb &lt;name&gt; &lt;connection string&gt;")]
    public async Task Standalone_MalformedArguments_GetTheUsageLine(string text, string usage)
    {
        var user = await BotPeople.StandaloneAsync(fixture);

        Assert.Contains(usage, (await user.SayAsync(text)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDb_WithoutAConnectionString_ListsTheFormsOfEveryProvider_MySqlIncluded()
    {
        var user = await BotPeople.StandaloneAsync(fixture);

        var reply = (await user.SayAsync("/adddb Shop")).Text;

        Assert.Contains("MySQL / MariaDB: <code>mysql://user:password@host:3306/database</code>", reply, StringComparison.Ordinal);
        Assert.Contains("<code>postgresql://user:password@host:5432/database</code>", reply, StringComparison.Ordinal);
        Assert.Contains("<code>sqlite:///sales.db</code>", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_GetsShortHelp()
    {
        var user = await BotPeople.StandaloneAsync(fixture);

        var reply = await user.SayAsync("/frobnicate");

        Assert.Contains("I don't know", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/invite", reply.Text, StringComparison.Ordinal); // only what this person may use
    }

    [Fact]
    public async Task Question_WithMarkupInTheAnswer_ArrivesEscaped()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = "You wrote <b>bold</b> & <script>x</script>" }, 10, 5);

        var question = asker.Write("<b>bold</b> please");
        var answer = await asker.ShownAfterAsync(question, message => message.Text.Contains("You wrote", StringComparison.Ordinal));

        Assert.Equal("HTML", answer.ParseMode);
        Assert.Contains("You wrote &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;", answer.Text, StringComparison.Ordinal);
    }

    private static List<(string Text, string Data)> Buttons(TestSupport.Telegram.SentMessage message)
    {
        using var markup = JsonDocument.Parse(message.ReplyMarkup!);
        return [.. markup.RootElement.GetProperty("inline_keyboard").EnumerateArray().SelectMany(row => row.EnumerateArray())
            .Select(button => (button.GetProperty("text").GetString()!, button.GetProperty("callback_data").GetString()!))];
    }

    [GeneratedRegex("<code>([A-Za-z0-9_-]{12})</code>")]
    private static partial Regex InvitationCode();
}

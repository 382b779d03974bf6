using System.Net;
using System.Net.Sockets;
using OrleansAssistant.Gateway.Dashboard.Security;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>A stranger guessing the owner's password slows down only the stranger's network.</summary>
public sealed class LoginThrottleTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Fact]
    public async Task StrangersWrongPasswords_FromAnotherAddress_DoNotStopTheOwnerLoggingIn()
    {
        var org = await host.NewOrganizationAsync();
        using var stranger = ClientFrom(IPAddress.Parse("127.0.0.2"));
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            await stranger.PostAnswerAsync("/dashboard/login", new { username = org.Owner.Username, password = $"guess-{attempt}" });
        }
        var strangerAgain = await stranger.PostAnswerAsync("/dashboard/login", new { username = org.Owner.Username, password = org.Owner.Password });

        var owner = await host.NewClient().PostAnswerAsync("/dashboard/login", new { username = org.Owner.Username, password = org.Owner.Password });

        strangerAgain.Expect(HttpStatusCode.TooManyRequests);
        owner.Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("192.0.2.1", "192.0.2.2", false)]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1", true)]
    public void Networks_GroupIPv6By64AndIPv4ByAddress(string first, string second, bool same)
    {
        var a = ClientNetwork.Of(IPAddress.Parse(first));
        var b = ClientNetwork.Of(IPAddress.Parse(second));

        Assert.Equal(same, a == b);
    }

    [Fact]
    public void IPv6Network_IsNamedByItsPrefix()
    {
        Assert.Equal("2001:db8:1:2::/64", ClientNetwork.Of(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
    }

    /// <summary>A client whose connections leave from <paramref name="source"/> (any 127.x address reaches the loopback listener).</summary>
    private HttpClient ClientFrom(IPAddress source)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}

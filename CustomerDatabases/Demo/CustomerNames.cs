using System.Globalization;
using System.Text;

namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>
/// Names and unique e-mail addresses for customers. Addresses use the reserved example.com domain,
/// so a drafted e-mail to a demo customer can never reach a real mailbox.
/// </summary>
internal sealed class CustomerNames
{
    private readonly Dictionary<string, int> _mailboxUses = [];
    private readonly HashSet<string> _companies = [];

    public (string Name, string Email) Next(Random random, CustomerSegment segment)
    {
        if (segment == CustomerSegment.Retail)
        {
            var first = NameLists.FirstNames[random.Next(NameLists.FirstNames.Length)];
            var last = NameLists.LastNames[random.Next(NameLists.LastNames.Length)];
            var mailbox = $"{first}.{last}".ToLowerInvariant();
            var uses = _mailboxUses[mailbox] = _mailboxUses.GetValueOrDefault(mailbox) + 1;
            var number = uses > 1 ? uses.ToString(CultureInfo.InvariantCulture) : "";
            return ($"{first} {last}", $"{mailbox}{number}@example.com");
        }

        string company;
        do
        {
            company = $"{NameLists.CompanyPrefixes[random.Next(NameLists.CompanyPrefixes.Length)]} {NameLists.CompanyTrades[random.Next(NameLists.CompanyTrades.Length)]}";
        }
        while (!_companies.Add(company));
        var suffixes = segment == CustomerSegment.Enterprise ? NameLists.EnterpriseSuffixes : NameLists.SmallBusinessSuffixes;
        return ($"{company} {suffixes[random.Next(suffixes.Length)]}", $"purchasing@{Slug(company)}.example.com");
    }

    private static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var character in name.ToLowerInvariant()) slug.Append(char.IsAsciiLetterOrDigit(character) ? character : '-');
        return slug.ToString();
    }
}

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>
/// Column names that suggest secrets or personal data. Such columns are never sampled for value hints, so none of
/// their values is kept with the schema or sent in a prompt unless a query the person asked for reads them.
/// </summary>
internal static class SensitiveColumnNames
{
    // Word stems as NameWords makes them ("passwords" → "password", "PhoneNumber" → "phone", "number").
    private static readonly HashSet<string> Words = new(
    [
        "password", "passwd", "pwd", "pass", "secret", "token", "salt", "hash", "digest", "credential", "apikey", "otp", "pin",
        "email", "mail", "phone", "mobile", "cell", "fax", "tel", "telephone", "ssn", "sin", "nin", "passport", "licence", "license",
        "iban", "bic", "swift", "card", "cvv", "cvc", "pan", "routing", "tax", "vat",
        "birth", "birthday", "dob", "born", "age", "gender", "sex", "ethnicity", "religion", "health", "diagnosis",
        "address", "street", "zip", "postcode", "postal", "ip", "latitude", "longitude", "lat", "lon", "lng", "geo", "location",
        "first", "last", "surname", "forename", "given", "family", "fullname", "firstname", "lastname", "maiden", "username", "login",
        "salary", "wage", "income", "note", "comment", "private", "personal",
    ], StringComparer.Ordinal);

    // "api_key", "private_key", "secret_key": "key" alone is too common (primary keys) to refuse on its own.
    private static readonly HashSet<string> BeforeKey = new(["api", "private", "secret", "access", "encryption", "license", "licence"], StringComparer.Ordinal);

    // Tables of people: their names are personal data, while a product's or a region's name is a useful hint.
    private static readonly HashSet<string> PeopleTables = new(
    [
        "customer", "client", "user", "employee", "staff", "person", "people", "member", "contact", "patient", "student", "teacher",
        "guest", "passenger", "driver", "applicant", "candidate", "subscriber", "account", "buyer", "seller", "owner", "manager",
        "author", "player", "singer", "artist", "visitor", "tenant", "resident", "volunteer", "donor", "lead",
    ], StringComparer.Ordinal);

    /// <summary>Whether the column's name, or a person's name in a table of people, suggests secret or personal data.</summary>
    public static bool IsSensitive(string tableName, string columnName) =>
        IsSensitive(columnName)
        || (NameWords.FromName(columnName).Contains("name") && NameWords.FromName(tableName).Any(PeopleTables.Contains));

    public static bool IsSensitive(string columnName)
    {
        var words = NameWords.FromName(columnName).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            if (Words.Contains(words[i])) return true;
            if (words[i] == "key" && i > 0 && BeforeKey.Contains(words[i - 1])) return true;
        }
        return false;
    }
}

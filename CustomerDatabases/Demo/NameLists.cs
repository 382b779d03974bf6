namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>Built-in word lists for people and company names; fictional combinations, no external data.</summary>
internal static class NameLists
{
    public static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Christopher", "Karen",
        "Charles", "Lisa", "Daniel", "Nancy", "Matthew", "Sandra", "Anthony", "Ashley", "Mark", "Emily",
        "Steven", "Michelle", "Andrew", "Amanda", "Joshua", "Melissa", "Kevin", "Stephanie", "Brian", "Rebecca",
        "George", "Laura", "Kenneth", "Sharon", "Edward", "Cynthia", "Jason", "Amy", "Ryan", "Angela",
        "Jacob", "Olivia", "Ethan", "Sophia", "Noah", "Emma", "Luis", "Maria", "Wei", "Priya",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Chen", "Patel", "Kim", "Murphy", "Cooper", "Reed", "Bailey", "Brooks", "Kelly", "Howard",
    ];

    public static readonly string[] CompanyPrefixes =
    [
        "Apex", "Blue River", "Summit", "Northwind", "Cedar", "Harbor", "Pioneer", "Silverline", "Redwood", "Granite",
        "Evergreen", "Lakeside", "Keystone", "Bright Path", "Ironbridge", "Maple", "Horizon", "Riverbend", "Oakridge", "Falcon",
        "Sterling", "Beacon", "Crescent", "Highland", "Meridian", "Prairie", "Coastal", "Union", "Liberty", "Atlas",
        "Vertex", "Orchard", "Copper", "Stonegate", "Westfield", "Eastgate", "Parkview", "Sunrise", "Clearwater", "Bluebird",
    ];

    public static readonly string[] CompanyTrades =
    [
        "Logistics", "Dental", "Consulting", "Manufacturing", "Realty", "Legal", "Accounting", "Engineering", "Health", "Foods",
        "Construction", "Media", "Insurance", "Architects", "Pharmacy", "Motors", "Hospitality", "Energy", "Software", "Design",
        "Education", "Veterinary", "Marketing", "Security", "Printing", "Travel", "Fitness", "Labs", "Outfitters", "Supply",
    ];

    public static readonly string[] SmallBusinessSuffixes = ["LLC", "Inc.", "Co.", "Partners", "Group"];

    public static readonly string[] EnterpriseSuffixes = ["Corporation", "Holdings", "Group", "International", "Inc."];

    public static string RandomPerson(Random random) =>
        $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
}

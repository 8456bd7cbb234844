/// What the parser accepts as one key's value: the type half of a `KeySchema`. Each case names
/// the check of `EntryReader` (or of site.yaml's parser) that enforces it; `praxis schema`
/// turns it into JSON Schema (JSONSchemaBuilder), with the site's vocabularies and entries
/// filled in where the case refers to them.
enum ValueType: Sendable {
    /// Any text. Praxis reads every scalar as its text (`12`, `true` too), so these do.
    case text
    /// A text with something besides white space in it (`EntryReader.required`).
    case nonEmptyText
    /// A text of at most this many characters (`EntryReader.summary`, `Validate.summaryLimit`).
    case shortText(Int)
    /// A whole number written as digits within the range (`EntryReader.integer`, `Limits`).
    case integer(ClosedRange<Int>)
    /// A number within the range (`EntryReader.number`, `Limits.priceAmount`).
    case number(ClosedRange<Double>)
    /// YYYY-MM-DD naming a real day (`Validate.isDate`).
    case date
    /// YYYY, YYYY-MM or YYYY-MM-DD (`Validate.isPartialDate`, a source's date).
    case partialDate
    /// true or false; Praxis also takes yes/no/on/off, as Yams reads them.
    case bool
    /// name@example.org (`Validate.isEmail`).
    case email
    /// An address starting with http:// or https:// (`Validate.isWebURL`).
    case webURL
    /// A language code such as de or en (`Validate.isLanguageCode`); any code, the site's own
    /// offered first.
    case language
    /// An ISO 3166 alpha-2 code Praxis knows (`Validate.isCountryCode`).
    case country
    /// Three capital letters (a workshop's price).
    case currency
    /// A name of a-z, 0-9 and - (`Slug.isValidID`), e.g. a theme.
    case name
    /// A file under content/static/, checked when the site is resolved.
    case staticFile
    /// One of these values, each with what it means (media type, fallback).
    case choice([(value: String, meaning: String)])
    /// A list of free texts (tags).
    case texts
    /// A list of ids of existing entries of one kind (`EntryReader.ids`; the resolver checks
    /// that they exist).
    case ids(EntryReference)
    /// A list of values of the facet of this name in site.yaml (`EntryReader.facets`).
    case facet(String)
    /// language -> id of the practice in that language (`EntryReader.translations`).
    case translations
    /// site.yaml: one text for all languages, or a map of the site's languages to texts.
    case localizedText
    /// site.yaml: a list of language codes.
    case languages
    /// site.yaml: the facets, each with a label and its values (SiteConfig+Parse).
    case facets
    /// site.yaml: a facet's values, id -> label (one text, or a map of languages to texts).
    case labelledValues

    /// The entries an id may name.
    enum EntryReference: Sendable {
        case partners, practices, sources
    }
}

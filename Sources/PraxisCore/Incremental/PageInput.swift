/// One thing a rendered page shows from the site. A page is a pure function of its inputs and
/// its template: when none of them changed since the page was rendered, its bytes did not
/// either, and `praxis serve` keeps them instead of rendering again.
///
/// Inputs are as narrow as the pages read them: a list that shows a practice as a card depends
/// on the card (title, summary, place, language, date), not on the practice's body, so an edit
/// of a body renders that practice's page again and not every list it is in.
enum PageInput: Hashable, Sendable {
    /// What every page shows around its own part: the site's settings (site.yaml), the theme's
    /// strings, the navigation and the footer's pages.
    case layout
    /// A template with every partial and parent it pulls in.
    case template(String)
    /// An entry's source file, by path, as last read: what the entry's own page shows of it.
    case file(String)
    /// A rendered body with the URLs of its `@/` links.
    case body(String)
    /// What a practice card shows; nothing when the practice is not published.
    case card(String)
    /// What a link to a partner shows: title, short name, summary.
    case partnerLink(String)
    /// What a link to a source shows: title, publisher, date, address.
    case sourceLink(String)
    /// A workshop's title, as a day shows it.
    case workshopTitle(String)
    /// The published practices related to a practice, both ways.
    case relatedOf(String)
    /// The workshop days presenting a practice, with the titles shown.
    case daysOfPractice(String)
    /// A partner's published practices and the fields of action they are grouped by.
    case practicesOfPartner(String)
    /// A partner's workshops, as its page lists them.
    case workshopsOfPartner(String)
    /// The pages citing a source.
    case citationsOf(String)
    /// The days of a workshop, as the workshop and its days list them.
    case daysOfWorkshop(String)
    /// The published practices a day presents.
    case dayPractices(workshop: String, day: String)
    /// A facet as overviews show it: its label, and each value's id, label and count in order.
    case facetSummary(String)
    /// The label of one value of a facet (nothing when the value is gone).
    case facetLabel(facet: String, value: String)
    /// One page of a facet value's list: labels, count, and the practices on the page.
    case facetPage(facet: String, value: String, page: Int)
    /// One page of the list of all practices: the count and the practices on the page.
    case practicesPage(Int)
    /// The practices the home page shows as the latest updated.
    case latest
    /// How many practices are published.
    case practiceCount
    /// All workshops with title and summary (home page, list of workshops).
    case workshopList
    /// All sources as their list shows them.
    case sourceList
    /// Names and labels of every facet (the search page links them).
    case facetNames
    /// The size of a file below content/static/, shown beside a day's materials.
    case staticSize(String)
}

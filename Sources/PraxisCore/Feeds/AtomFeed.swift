/// `feed.xml`: the latest updated practices as Atom. Dates come from the practices' `updated`
/// keys, never from the clock, so the feed is the same on every build.
enum AtomFeed {
    static let limit = 50

    /// The practices the feed lists: the `limit` most recently updated.
    static func entries(_ site: Site) -> ArraySlice<Practice> {
        site.practices.filter { $0.updated != nil }
            .sorted { ($0.updated!, $1.id) > ($1.updated!, $0.id) }
            .prefix(limit)
    }

    static func make(_ site: Site) -> OutputFile {
        let config = site.config
        let dated = entries(site)
        let newest = dated.first?.updated.map { "\($0)T00:00:00Z" } ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(config.language))">
          <title>\(XML.escape(config.title))</title>

        """
        if let description = config.description { xml += "  <subtitle>\(XML.escape(description))</subtitle>\n" }
        xml += """
          <id>\(XML.escape(config.baseURL))</id>
          <link href="\(XML.escape(config.baseURL))"/>
          <link rel="self" type="application/atom+xml" href="\(XML.escape(config.baseURL + "feed.xml"))"/>
          <updated>\(newest)</updated>
          <author><name>\(XML.escape(config.title))</name></author>

        """
        for practice in dated {
            let url = XML.escape(config.baseURL + SitePaths.practice(practice.id))
            xml += """
              <entry>
                <title>\(XML.escape(practice.title))</title>
                <id>\(url)</id>
                <link href="\(url)"/>
                <updated>\(practice.updated!)T00:00:00Z</updated>
                <summary>\(XML.escape(practice.summary))</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", text: xml)
    }
}

/// `feed.xml`: the latest updated practices as Atom. Dates come from the practices' `updated`
/// keys, never from the clock, so the feed is the same on every build.
enum AtomFeed {
    static let limit = 50

    /// The practices the feed lists: the `limit` most recently updated, newest first (on the
    /// same date, in order of id).
    static func entries(_ site: Site) -> [Practice] {
        latest(site.fallbackFiles.isEmpty ? site.practices : site.practices.filter { site.isOwn($0.origin.file) }, count: limit)
    }

    /// The `count` most recently updated of `practices`, as `filter`, `sort` and `prefix` would
    /// give them, in one pass that keeps only the best so far.
    static func latest(_ practices: [Practice], count: Int) -> [Practice] {
        func newer(_ a: Practice, _ b: Practice) -> Bool { (a.updated!, b.id) > (b.updated!, a.id) }
        var best: [Practice] = []
        best.reserveCapacity(count + 1)
        for practice in practices where practice.updated != nil {
            if best.count == count, let last = best.last, !newer(practice, last) { continue }
            var low = 0, high = best.count
            while low < high {
                let middle = (low + high) / 2
                if newer(best[middle], practice) { low = middle + 1 } else { high = middle }
            }
            best.insert(practice, at: low)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    static func make(_ site: Site) -> OutputFile {
        make(site, entries: entries(site))
    }

    static func make(_ site: Site, entries dated: [Practice]) -> OutputFile {
        let config = site.config
        let newest = dated.first?.updated.map { "\(XML.escape($0))T00:00:00Z" } ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(site.pageLanguage))">
          <title>\(XML.escape(config.title))</title>

        """
        if let description = config.description { xml += "  <subtitle>\(XML.escape(description))</subtitle>\n" }
        xml += """
          <id>\(XML.escape(config.baseURL + site.prefix))</id>
          <link href="\(XML.escape(config.baseURL + site.prefix))"/>
          <link rel="self" type="application/atom+xml" href="\(XML.escape(config.baseURL + site.prefix + "feed.xml"))"/>
          <updated>\(newest)</updated>
          <author><name>\(XML.escape(config.title))</name></author>

        """
        for practice in dated {
            let url = XML.escape(config.baseURL + site.prefix + SitePaths.practice(practice.id))
            xml += """
              <entry>
                <title>\(XML.escape(practice.title))</title>
                <id>\(url)</id>
                <link href="\(url)"/>
                <updated>\(XML.escape(practice.updated!))T00:00:00Z</updated>
                <summary>\(XML.escape(practice.summary))</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return OutputFile(path: site.prefix + "feed.xml", text: xml)
    }
}

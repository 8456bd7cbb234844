/// Links between the trees of a site in several languages: every tree has the same paths below
/// its prefix, so the version of a page in another language is the page at the same path there.
/// A page lists those versions in its head (`hreflang`, for search engines) and in a language
/// switcher that leads to the same page in the other language, or to that language's home page
/// when there is none (and says so).
struct LanguageTree: Sendable {
    let language: String
    /// "" for the default language, `en/`.
    let prefix: String
    let pageIndex: PageIndex
    /// The language's own name, from its strings (`language-name`).
    let name: String
    /// What a link to its home page says when the page has no version in it (`translation-missing`).
    let missing: String
}

extension Renderer {
    /// The link to a page of an entry read from `file`: in this tree, or for an entry this tree
    /// took from the default language, in the default language's tree.
    func url(_ root: String, _ file: String, _ path: String) -> String {
        site.isOwn(file) ? root + path : root + up + path
    }

    /// The page of a facet value; a partner's is the partner's own page, in its tree.
    func facetURL(_ facet: Facet, _ value: Facet.Value, root: String) -> String {
        if facet.kind == .partners, let partner = site.partnerByID[value.id] {
            return url(root, partner.origin.file, facet.url(of: value))
        }
        return root + facet.url(of: value)
    }

    /// For the page at `path` (below this tree's root): its versions for the head (none when it
    /// has no other version: `hreflang` pairs translations), and the switcher's links, one per
    /// language in site.yaml's order, with a key that is the same for pages whose switchers are
    /// (`languageSwitch`). Nil for a site of one language.
    func languageAlternates(_ path: String, root: String) -> (head: [Record], links: [Record], key: String)? {
        guard trees.count > 1, !path.hasSuffix(".html") else { return nil }
        let file = SitePaths.file(for: path)
        var head: [Record] = []
        var links: [Record] = []
        var defaultURL: String?
        var key = root
        for tree in trees {
            let exists = tree.pageIndex[tree.prefix + file] != nil
            let current = tree.language == site.pageLanguage
            if exists {
                let absolute = site.config.baseURL + tree.prefix + path
                head.append(Record(["lang": TextValue(tree.language), "url": TextValue(absolute)]))
                if tree.prefix.isEmpty { defaultURL = absolute }
            }
            // From this tree's root to the site root, then into the other tree.
            let target = root + up + tree.prefix + (exists ? path : "")
            var link: [String: Any] = ["lang": TextValue(tree.language), "name": TextValue(tree.name),
                                       "url": TextValue(target.isEmpty ? "./" : target)]
            if current { link["current"] = true }
            if !exists { link["missing"] = TextValue(tree.missing) }
            links.append(Record(link))
            key += current ? "\u{0}=" : "\u{0}" + target
        }
        if head.count < 2 { return ([], links, key) }
        if let defaultURL { head.append(Record(["lang": TextValue("x-default"), "url": TextValue(defaultURL)])) }
        return (head, links, key)
    }

    /// The rendered `language-switch` template for a page whose switcher has `links`, shared by
    /// every page with the same links (`key`): the pages without a version in another language
    /// all lead to its home page. Nil when the theme has no such template.
    func languageSwitch(_ links: [Record], key: String, root: String) -> String? {
        guard hasLanguageSwitch else { return nil }
        return fragments.piece("languages\u{0}" + key) {
            var context = sharedContext(root: root)
            context["languageLinks"] = links
            return library.render(Record(context), withTemplate: "language-switch") ?? ""
        }
    }
}

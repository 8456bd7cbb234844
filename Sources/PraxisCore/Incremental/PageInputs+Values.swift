/// The value of each input, as a digest: an input changed when its digest did.
extension PageInputs {
    /// A digest of the input's current value; equal digests mean an unchanged input.
    func value(of input: PageInput) -> Int {
        var hasher = Hasher()
        switch input {
        case .layout:
            hasher.combine(layoutDigest)
        case .template(let name):
            hasher.combine(templateDigests[name])
        case .file(let path):
            hasher.combine(fileVersions[path])
        case .body(let path):
            hasher.combine(bodyVersions[path])
            hasher.combine(site.linkTargets[path])
        case .card(let id):
            guard let practice = site.practiceByID[id] else { break }
            hasher.combine(practice.id)
            hasher.combine(practice.title)
            hasher.combine(practice.summary)
            hasher.combine(practice.place?.municipality)
            hasher.combine(practice.place?.state)
            hasher.combine(practice.place?.country)
            hasher.combine(practice.lang)
            hasher.combine(practice.updated)
        case .partnerLink(let id):
            guard let partner = site.partnerByID[id] else { break }
            hasher.combine(partner.title)
            hasher.combine(partner.short)
            hasher.combine(partner.summary)
        case .sourceLink(let id):
            guard let source = site.sourceByID[id] else { break }
            hasher.combine(source.title)
            hasher.combine(source.publisher)
            hasher.combine(source.date)
            hasher.combine(source.url)
        case .workshopTitle(let id):
            hasher.combine(site.workshopByID[id]?.title)
        case .relatedOf(let id):
            hasher.combine(site.relatedOf[id])
        case .daysOfPractice(let id):
            for ref in site.daysOfPractice[id] ?? [] {
                hasher.combine(ref.workshop)
                hasher.combine(ref.day)
                hasher.combine(site.workshopByID[ref.workshop]?.title)
                let day = site.days[ref.workshop]?.first { $0.id == ref.day }
                hasher.combine(day?.title)
                hasher.combine(day?.motto)
            }
        case .practicesOfPartner(let id):
            // The partner page groups its practices by field of action: the fields' labels
            // and order, and each practice's fields.
            let ids = site.practicesOfPartner[id] ?? []
            hasher.combine(ids)
            if let fields = facetByName["fields"].map({ facets[$0] }) {
                for value in fields.values {
                    hasher.combine(value.id)
                    hasher.combine(value.label)
                }
                for practice in ids { hasher.combine(site.practiceByID[practice]?.facetValues["fields"]) }
            }
        case .workshopsOfPartner(let id):
            for workshop in site.workshopsOfPartner[id] ?? [] {
                hasher.combine(workshop)
                hasher.combine(site.workshopByID[workshop]?.title)
                hasher.combine(site.workshopByID[workshop]?.summary)
            }
        case .citationsOf(let id):
            for citation in site.citationsOf[id] ?? [] {
                hasher.combine(citation.url)
                hasher.combine(citation.title)
            }
        case .daysOfWorkshop(let id):
            for day in site.days[id] ?? [] {
                hasher.combine(day.id)
                hasher.combine(day.title)
                hasher.combine(day.motto)
                hasher.combine(day.day)
                hasher.combine(day.summary)
            }
        case .dayPractices(let workshop, let id):
            hasher.combine(site.days[workshop]?.first { $0.id == id }?.practices)
        case .facetSummary(let name):
            guard let facet = facetByName[name].map({ facets[$0] }) else { break }
            hasher.combine(facet.label)
            for value in facet.values {
                hasher.combine(value.id)
                hasher.combine(value.label)
                hasher.combine(value.practices.count)
            }
        case .facetLabel(let name, let valueID):
            guard let facet = facetByName[name], let value = valueIndex[name]?[valueID] else { break }
            hasher.combine(facets[facet].values[value].label)
        case .facetPage(let name, let valueID, let page):
            guard let facet = facetByName[name], let index = valueIndex[name]?[valueID] else { break }
            let value = facets[facet].values[index]
            hasher.combine(facets[facet].label)
            hasher.combine(value.label)
            hasher.combine(value.practices.count)
            for id in slice(value.practices, page: page) { hasher.combine(id) }
        case .practicesPage(let page):
            hasher.combine(site.practices.count)
            for id in practicesOnPage(page) { hasher.combine(id) }
        case .latest:
            hasher.combine(latest)
        case .practiceCount:
            hasher.combine(site.practices.count)
        case .workshopList:
            for workshop in site.workshops {
                hasher.combine(workshop.id)
                hasher.combine(workshop.title)
                hasher.combine(workshop.summary)
            }
        case .sourceList:
            for source in site.sources {
                hasher.combine(source.id)
                hasher.combine(source.title)
                hasher.combine(source.publisher)
                hasher.combine(source.author)
                hasher.combine(source.date)
            }
        case .facetNames:
            for facet in facets {
                hasher.combine(facet.name)
                hasher.combine(facet.label)
            }
        case .staticSize(let path):
            hasher.combine(staticSizes[path])
        }
        return hasher.finalize()
    }
}

/// Turns the parser's key tables (`KeySchema`, `ValueType`) into JSON Schema draft-07, the
/// draft the YAML language server (VS Code, Neovim, Zed, ...) reads, with the site's
/// vocabularies filled in. Choices are `enum` with `enumDescriptions` beside them: the YAML
/// language server shows the description of each value in its completion list (its own
/// extension of JSON Schema, taken over from VS Code's JSON service); other tools ignore it.
///
/// Each schema accepts what the parser accepts, as YAML 1.2 loaders (the YAML language server,
/// check-jsonschema) read it: a text key also takes a number or true/false, which Praxis reads
/// as their text; an optional key takes null (`key:` with nothing after it is the same as
/// leaving it out); `draft` also takes yes/no/on/off, which Praxis reads as Yams does; a
/// source's `date: 2024` is a number to YAML 1.2. Unquoted dates (`updated: 2024-05-31`) are
/// texts to the YAML language server and to check-jsonschema (which loads YAML timestamps as
/// strings), as to Praxis, so a date is a string with a pattern.
struct JSONSchemaBuilder {
    let vocabulary: SchemaVocabulary

    static let draft = "http://json-schema.org/draft-07/schema#"

    /// The whole schema of a front matter (or of site.yaml) with these keys.
    func document(_ keys: [String: KeySchema], title: String, description: String) -> JSONValue {
        guard case .object(var root) = object(keys, description: description, nullable: false) else { return .null }
        root["$schema"] = .string(Self.draft)
        root["title"] = .string(title)
        return .object(root)
    }

    // MARK: Keys

    func schema(_ key: KeySchema) -> JSONValue {
        let nullable = !key.required
        switch key.shape {
        case .value(let type):
            return with(value(type, required: key.required, nullable: nullable), description: key.description)
        case .map(let keys):
            return object(keys, description: key.description, nullable: nullable)
        case .listOfMaps(let keys):
            guard case .object(var item) = object(keys, description: "", nullable: false) else { return .null }
            item.removeValue(forKey: "description")
            if !key.exactlyOne.isEmpty {
                item["oneOf"] = .array(key.exactlyOne.map { name in
                    ["required": [.string(name)], "properties": [name: ["type": "string"]]]
                })
            }
            return with(allowingNull(["type": "array", "items": .object(item)], nullable), description: key.description)
        }
    }

    private func object(_ keys: [String: KeySchema], description: String, nullable isNullable: Bool) -> JSONValue {
        var members: [String: JSONValue] = [
            "type": "object",
            "properties": .object(keys.mapValues(schema)),
            "additionalProperties": false,
        ]
        let required = keys.filter(\.value.required).keys.sorted()
        if !required.isEmpty { members["required"] = .array(required.map(JSONValue.string)) }
        return with(allowingNull(.object(members), isNullable), description: description)
    }

    // MARK: Values

    /// Praxis reads any scalar as a text.
    private static let scalarTypes: JSONValue = ["string", "number", "boolean"]
    static let idPattern = "^[a-z0-9][a-z0-9-]*$"

    private func value(_ type: ValueType, required: Bool, nullable isNullable: Bool) -> JSONValue {
        let schema: JSONValue
        switch type {
        case .text:
            schema = ["type": Self.scalarTypes]
        case .nonEmptyText:
            schema = ["type": Self.scalarTypes, "pattern": "\\S"]
        case .shortText(let limit):
            // Praxis counts the text without the white space around it (a `>` block ends in a
            // line break), so a pattern, not maxLength: at most `limit` characters from the
            // first to the last that is not white space.
            let text = "\\S([\\s\\S]{0,\(limit - 2)}\\S)?"
            schema = ["type": Self.scalarTypes, "pattern": .string(required ? "^\\s*\(text)\\s*$" : "^\\s*(\(text))?\\s*$"),
                      "patternErrorMessage": .string("Höchstens \(limit) Zeichen\(required ? ", und nicht leer" : "").")]
        case .integer(let range):
            schema = ["type": "integer", "minimum": .number(Double(range.lowerBound)), "maximum": .number(Double(range.upperBound))]
        case .number(let range):
            schema = ["type": "number", "minimum": .number(range.lowerBound), "maximum": .number(range.upperBound)]
        case .date:
            schema = ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"]
        case .partialDate:
            schema = ["anyOf": [
                ["type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"],
                ["type": "integer", "minimum": 1000, "maximum": 9999],
            ]]
        case .bool:
            schema = ["type": ["boolean", "string"], "pattern": "^([yY][eE][sS]|[nN][oO]|[oO][nN]|[oO][fF][fF])$"]
        case .email:
            schema = ["type": "string", "pattern": "^[^@ <>\"]+@[^@ <>\"]*\\.[^@ <>\"]*$"]
        case .webURL:
            schema = ["type": "string", "pattern": "^(https://[^ \"<>]+|http://[^ \"<>]{2,})$"]
        case .language:
            schema = ["type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$",
                      "examples": .array(vocabulary.site.languages.map(JSONValue.string))]
        case .country:
            let codes = CountryNames.knownCodes.sorted()
            schema = choice(codes.map { ($0, CountryNames.name(of: $0, language: vocabulary.site.language)) })
        case .currency:
            schema = ["type": "string", "pattern": "^[A-Z]{3}$"]
        case .name:
            schema = ["type": "string", "pattern": .string(Self.idPattern)]
        case .staticFile:
            schema = required ? ["type": "string", "pattern": "\\S"] : ["type": "string"]
        case .choice(let values):
            schema = choice(values.map { ($0.value, $0.meaning) })
        case .texts:
            schema = ["type": "array", "items": ["type": Self.scalarTypes]]
        case .ids(let reference):
            schema = ["type": "array", "items": choice(vocabulary.entries(reference).map { ($0.id, $0.title) })]
        case .facet(let name):
            let values = vocabulary.site.facet(named: name)?.values ?? []
            var list: [String: JSONValue] = ["type": "array", "items": choice(values.map { ($0.id, $0.label) })]
            if required { list["minItems"] = 1 }
            schema = .object(list)
        case .translations:
            schema = ["type": "object", "propertyNames": ["enum": .array(vocabulary.site.languages.map(JSONValue.string))],
                      "additionalProperties": choice(vocabulary.practices.map { ($0.id, $0.title) })]
        case .localizedText:
            schema = ["anyOf": [
                ["type": Self.scalarTypes],
                ["type": "object", "propertyNames": ["pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"],
                 "additionalProperties": ["type": Self.scalarTypes]],
            ]]
        case .languages:
            schema = ["type": "array", "uniqueItems": true, "items": ["type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"]]
        case .facets:
            guard case .object(var facet) = object(SiteConfig.facetKeys, description: "", nullable: false) else { return .null }
            facet.removeValue(forKey: "description")
            schema = ["type": "object", "propertyNames": ["pattern": "^[a-z0-9_-]+$"], "additionalProperties": .object(facet)]
        case .labelledValues:
            guard case .object(let label) = value(.localizedText, required: false, nullable: false) else { return .null }
            schema = ["type": "object", "propertyNames": ["pattern": .string(Self.idPattern)], "additionalProperties": .object(label)]
        }
        return allowingNull(schema, isNullable)
    }

    /// One of `values`, each with what it means: `enum` and, beside it, `enumDescriptions`,
    /// which the YAML language server shows in its completion list.
    private func choice(_ values: [(String, String)]) -> JSONValue {
        ["type": "string", "enum": .array(values.map { .string($0.0) }),
         "enumDescriptions": .array(values.map { .string($0.1) })]
    }

    // MARK: Helpers

    /// Lets the value be null too: Praxis reads `key:`, `~` and `null` as a key left out.
    private func allowingNull(_ schema: JSONValue, _ isNullable: Bool) -> JSONValue {
        guard isNullable, case .object(var members) = schema else { return schema }
        if let anyOf = members["anyOf"], case .array(let branches) = anyOf {
            members["anyOf"] = .array(branches + [["type": "null"]])
            return .object(members)
        }
        switch members["type"] {
        case .string(let type)?: members["type"] = [.string(type), "null"]
        case .array(let types)?: members["type"] = .array(types + ["null"])
        default: break
        }
        if case .array(let values)? = members["enum"] { members["enum"] = .array(values + [.null]) }
        return .object(members)
    }

    private func with(_ schema: JSONValue, description: String) -> JSONValue {
        guard !description.isEmpty, case .object(var members) = schema else { return schema }
        members["description"] = .string(description)
        return .object(members)
    }
}

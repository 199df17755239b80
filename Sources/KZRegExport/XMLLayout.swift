/// How an encoded record maps onto XML elements. It pins the fields the XSD declares; any other field a
/// value encodes is still written, generically, inside an `<extensions>` child (which the XSD accepts
/// laxly), so new record fields appear in the XML without exporter changes.
///
/// Mapping rules:
/// - an object becomes an element; the keys its `ElementLayout` lists as attributes become attributes,
///   the keys it lists as children become child elements in that order, the rest go into `<extensions>`;
/// - a `span` object (`start`, `end`) becomes the attributes `span-start` and `span-end` of its element;
///   a span under any other key ("serviceNameSpan") becomes an empty element with those attributes;
/// - an array becomes a wrapper element holding one element per item, named by `itemNames` (or by the
///   singular of the key); arrays in `inlineArrays` put their items directly into the parent;
/// - a scalar becomes an element with text content (or an attribute); null writes nothing.
public struct XMLLayout: Sendable {
    /// The attributes and known child elements of one element, in schema order.
    public struct ElementLayout: Sendable, Hashable {
        public var attributes: [String]
        public var children: [String]

        public init(attributes: [String] = [], children: [String] = []) {
            self.attributes = attributes
            self.children = children
        }
    }

    /// Element layouts by element name.
    public var elements: [String: ElementLayout]
    /// The item element name of each array key, by "key" or by "parent.key" where it depends on the parent.
    public var itemNames: [String: String]
    /// Arrays whose items go directly into the parent element, without a wrapper.
    public var inlineArrays: Set<String>
    /// Objects written as one child element inside a wrapper element named for the key
    /// ("structure" → `<structure><node>…</node></structure>`), by key → child element name.
    public var wrappedObjects: [String: String]
    /// The element that holds fields the layout does not know.
    public var extensionsElement: String

    public init(elements: [String: ElementLayout], itemNames: [String: String], inlineArrays: Set<String>,
                wrappedObjects: [String: String], extensionsElement: String = "extensions") {
        self.elements = elements
        self.itemNames = itemNames
        self.inlineArrays = inlineArrays
        self.wrappedObjects = wrappedObjects
        self.extensionsElement = extensionsElement
    }

    /// The item element name for an array stored under `key` in element `parent`: `itemNames` is looked up
    /// as "parent.key", then as "key"; otherwise the singular of the key.
    public func itemName(forArray key: String, in parent: String? = nil) -> String {
        if let parent, let name = itemNames[parent + "." + key] { return name }
        if let name = itemNames[key] { return name }
        return XMLLayout.singular(key)
    }

    /// A simple English singular for generic array keys ("processes" → "process", "forms" → "form").
    static func singular(_ key: String) -> String {
        if key.hasSuffix("ies"), key.count > 3 { return String(key.dropLast(3)) + "y" }
        for suffix in ["sses", "xes", "ches", "shes"] where key.hasSuffix(suffix) { return String(key.dropLast(2)) }
        if key.hasSuffix("s"), !key.hasSuffix("ss"), key.count > 1 { return String(key.dropLast()) }
        return "item"
    }

    /// The layout of a kzreg record (schema version 1); it matches `Schemas/kzreg-record.xsd`.
    public static let record: XMLLayout = {
        let reference = ElementLayout(attributes: ["date", "number", "span"])
        return XMLLayout(
            elements: [
                "record": ElementLayout(attributes: ["schemaVersion"],
                                        children: ["source", "document", "annexes", "regulations", "repair",
                                                   "structure"]),
                "source": ElementLayout(attributes: ["file", "sha256", "byteCount", "encoding", "transcoded",
                                                   "substitutions"]),
                "document": ElementLayout(attributes: ["status"],
                                          children: ["title", "actType", "issuer", "adopted", "registered",
                                                     "repealedBy"]),
                "adopted": reference,
                "registered": reference,
                "repealedBy": reference,
                "annex": ElementLayout(attributes: ["number", "span"], children: ["label", "title"]),
                "regulation": ElementLayout(
                    attributes: ["kind", "annex", "span"],
                    children: ["title", "serviceName", "serviceNameSpan", "provider", "providerSpan", "forms",
                               "result", "basis", "chapters", "participants", "participantActors", "stepsPoint",
                               "steps", "processes", "durations", "references", "annexes"]),
                "forms": ElementLayout(attributes: ["electronic", "paper", "automation", "span"], children: ["text"]),
                "result": ElementLayout(attributes: ["span"], children: ["text"]),
                "basis": ElementLayout(attributes: ["span"], children: ["text"]),
                "chapter": ElementLayout(attributes: ["number", "span"], children: ["heading"]),
                "participantActor": ElementLayout(attributes: ["key", "span"], children: ["text"]),
                "step": ElementLayout(attributes: ["number", "span"],
                                      children: ["actor", "actorKey", "actorSpan", "text", "durations", "result",
                                                 "resultSpan"]),
                "duration": ElementLayout(attributes: ["value", "maxValue", "unit", "qualifier", "span"],
                                          children: ["text"]),
                "durationMention": ElementLayout(attributes: ["chapter", "point", "subpoint"], children: ["duration"]),
                "process": ElementLayout(attributes: ["kind", "number", "span"],
                                         children: ["label", "actor", "actorKey", "text", "durations"]),
                "reference": ElementLayout(attributes: ["date", "number", "registrationNumber", "point", "span"],
                                           children: ["actType", "text"]),
                "repair": ElementLayout(attributes: ["method", "changedTokens"], children: ["uncertain"]),
                "token": ElementLayout(attributes: ["confidence", "span"],
                                       children: ["original", "replacement", "alternatives"]),
                "node": ElementLayout(attributes: ["kind", "number", "span"],
                                      children: ["heading", "text", "cells", "children"]),
            ],
            itemNames: [
                "annexes": "annex", "regulations": "regulation", "chapters": "chapter",
                "participants": "participant", "participantActors": "participantActor", "steps": "step",
                "durations": "duration", "regulation.durations": "durationMention", "processes": "process",
                "references": "reference", "uncertain": "token", "alternatives": "alternative", "cells": "cell",
                "children": "node",
            ],
            inlineArrays: ["children"],
            wrappedObjects: ["structure": "node"])
    }()
}

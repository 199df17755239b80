import Foundation
import FoundationXML
import KZReg

/// The repository root (three levels above this file).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Every seed document.
let seedFiles: [URL] = {
    let seeds = repositoryRoot.appendingPathComponent("Seeds")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { seeds.appendingPathComponent($0) }
}()

/// The record of every seed, computed once for all tests (the repair of garbled seeds is slow in debug builds).
let seedRecords: [URL: Record] = {
    final class Results: @unchecked Sendable {
        let lock = NSLock()
        var records: [URL: Record] = [:]
    }
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: seedFiles.count) { index in
        let url = seedFiles[index]
        guard let data = try? Data(contentsOf: url),
              let record = try? Pipeline().process(bytes: [UInt8](data), fileName: url.lastPathComponent).record
        else { return }
        results.lock.lock()
        results.records[url] = record
        results.lock.unlock()
    }
    return results.records
}()

struct MissingSeedRecord: Error, CustomStringConvertible {
    var url: URL
    var description: String { "the pipeline failed on \(url.lastPathComponent)" }
}

/// The pipeline's record of a seed.
func seedRecord(_ url: URL) throws -> Record {
    guard let record = seedRecords[url] else { throw MissingSeedRecord(url: url) }
    return record
}

func span(_ start: Int, _ end: Int) -> SourceSpan { SourceSpan(start: start, end: end) }

/// A record with every field of schema version 1 filled, with the given text in every string field.
func sampleRecord(text: String = "Мемлекеттік көрсетілетін қызмет") -> Record {
    let duration = Duration(value: 1.5, unit: .workingDay, text: "1,5 \(text)", span: span(40, 52))
    let step = Step(number: 1, actor: "\(text) actor", text: "\(text) step", durations: [duration],
                    result: "\(text) result", span: span(30, 80))
    let quiet = Step(number: 2, actor: nil, text: text, durations: [], result: nil, span: span(80, 90))
    var regulation = Regulation(kind: .regulation, annex: 1, title: "\(text) регламенті",
                                serviceName: "«\(text)»", provider: "\(text) provider",
                                chapters: [Chapter(number: 1, heading: "1-тарау. \(text)", span: span(20, 30))],
                                participants: ["\(text) participant", "кеңсе"], steps: [step, quiet],
                                span: span(20, 90))
    regulation.serviceNameSpan = span(21, 25)
    regulation.providerSpan = span(26, 28)
    regulation.forms = ServiceForms(electronic: true, paper: false, automation: .partial, text: "\(text) forms",
                                    span: span(28, 29))
    regulation.result = TextExcerpt(text: "\(text) result", span: span(29, 30))
    regulation.basis = TextExcerpt(text: "\(text) basis", span: span(29, 30))
    regulation.participantActors = [ActorMention(text: "\(text) participant", key: "office", span: span(31, 33))]
    regulation.stepsPoint = "5"
    regulation.steps[0].actorKey = "office"
    regulation.steps[0].actorSpan = span(30, 33)
    regulation.steps[0].resultSpan = span(70, 80)
    regulation.steps[0].durations[0].maxValue = 2
    regulation.steps[0].durations[0].qualifier = .within
    regulation.processes = [ServiceProcess(kind: .condition, number: 2, label: "2-шарт", actor: nil, actorKey: nil,
                                           text: "\(text) process", durations: [duration], span: span(82, 88))]
    regulation.durations = [DurationMention(duration: duration, chapter: 2, point: "5", subpoint: nil)]
    regulation.references = [ActCitation(actType: "бұйрық", date: CalendarDate(year: 2015, month: 4, day: 28),
                                         number: "3-2/378", registrationNumber: "11284", point: "1",
                                         text: "\(text) citation", span: span(84, 86))]
    regulation.annexes = [AnnexInfo(number: 1, label: "\(text) регламентіне 1-қосымша", title: text,
                                    span: span(88, 90))]
    let rules = Regulation(kind: .rules, annex: nil, title: text, span: span(90, 95))
    let document = DocumentInfo(title: "\(text) title", actType: "қаулы", issuer: "\(text) әкімдігі",
                                adopted: ActReference(date: CalendarDate(year: 2018, month: 12, day: 29),
                                                      number: "389", span: span(5, 10)),
                                registered: ActReference(date: CalendarDate(year: 2019, month: 1, day: 3),
                                                         number: "А-9/406"),
                                status: .repealed,
                                repealedBy: ActReference(date: CalendarDate(year: 2020, month: 12, day: 23),
                                                         number: "810"))
    let table = StructureNode(kind: .tableRow, text: "", span: span(60, 70), cells: [text, "", "2 сағат"])
    let point = StructureNode(kind: .point, number: "1", text: "\(text) point", span: span(30, 60))
    let chapter = StructureNode(kind: .chapter, number: "1", heading: "\(text) heading", text: "",
                                span: span(20, 90), children: [point, table])
    let root = StructureNode(kind: .document, text: "", span: span(0, 100),
                             children: [StructureNode(kind: .title, text: text, span: span(0, 5)), chapter])
    let token = UncertainToken(span: span(12, 18), original: "Kaзaк", replacement: "Қазақ",
                               alternatives: ["Казак", text], confidence: 0.25)
    return Record(source: SourceInfo(file: "sample \(text).txt", sha256: String(repeating: "ab", count: 32),
                                     byteCount: 100, encoding: "UTF-8", transcoded: false),
                  document: document,
                  annexes: [AnnexInfo(number: 1, label: "\(text) 1-қосымша", title: "\(text) регламенті",
                                      span: span(15, 95)),
                            AnnexInfo(number: nil, label: "қосымша", title: text, span: span(95, 100))],
                  regulations: [regulation, rules],
                  repair: RepairSummary(method: "garble", changedTokens: 3, uncertain: [token]),
                  structure: root)
}

// MARK: - Reading XML back (with Foundation's parser, independent of the exporter)

/// A parsed XML element.
final class XElement {
    let name: String
    let attributes: [String: String]
    var children: [XElement] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func child(_ name: String) -> XElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [XElement] { children.filter { $0.name == name } }
}

struct XMLParseFailure: Error, CustomStringConvertible {
    var description: String
}

func parseXML(_ data: Data) throws -> XElement {
    final class Builder: NSObject, XMLParserDelegate {
        var stack: [XElement] = []
        var root: XElement?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = XElement(name: elementName, attributes: attributes)
            stack.last?.children.append(element)
            if stack.isEmpty { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
    let parser = XMLParser(data: data)
    let builder = Builder()
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
        throw XMLParseFailure(description: "not well-formed: \(String(describing: parser.parserError))")
    }
    return root
}

/// The JSON-shaped content of a record's XML, read back by the mapping the XSD documents: attributes
/// and text-only elements are scalars (as strings), span-start/span-end a span, array wrappers arrays,
/// `<extensions>` members of their parent, nested `<node>`s a node's children, an element with only span
/// attributes a span. (Inside `<extensions>` an empty array reads back as an empty element: the generic
/// mapping does not mark arrays.)
func jsonContent(ofXML element: XElement) -> JSONValue {
    let layout = XMLLayout.record
    let arrayKeys = Set(layout.itemNames.keys.map { $0.split(separator: ".").last.map(String.init) ?? $0 })
    func isSpan(_ element: XElement) -> Bool {
        Set(element.attributes.keys) == ["span-start", "span-end"] && element.children.isEmpty
    }
    func object(_ element: XElement) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for (name, value) in element.attributes where name != "span-start" && name != "span-end" {
            members[name] = .string(value)
        }
        if let start = element.attributes["span-start"], let end = element.attributes["span-end"] {
            members["span"] = .object(["start": .string(start), "end": .string(end)])
        }
        var nodes: [JSONValue] = []
        for child in element.children {
            switch child.name {
            case "extensions":
                if case .object(let extra) = object(child) { members.merge(extra) { current, _ in current } }
            case "node" where element.name == "node":
                nodes.append(object(child))
            case "structure":
                members["structure"] = child.children.first.map(object) ?? .null
            default:
                members[child.name] = value(child, in: element.name)
            }
        }
        if element.name == "node" { members["children"] = .array(nodes) }
        return .object(members)
    }
    func value(_ element: XElement, in parent: String) -> JSONValue {
        // Inside <extensions> nothing says what is an array: a wrapper of same-named singular items is one.
        let itemName = layout.itemName(forArray: element.name, in: parent)
        let isArray = element.attributes.isEmpty && (arrayKeys.contains(element.name)
            || (!element.children.isEmpty && element.children.allSatisfy { $0.name == itemName }))
        if isArray { return .array(element.children.map { value($0, in: element.name) }) }
        if isSpan(element) {
            return .object(["start": .string(element.attributes["span-start"]!),
                            "end": .string(element.attributes["span-end"]!)])
        }
        if layout.elements[element.name] != nil && element.text.allSatisfy(\.isWhitespace) {
            return object(element)
        }
        if element.attributes.isEmpty && element.children.isEmpty { return .string(element.text) }
        return object(element)
    }
    return object(element)
}

/// Differences between a JSON record and the content read back from its XML. Nulls in the JSON stand for
/// absent XML; scalars compare as text, numbers by value.
func contentDifferences(json: JSONValue, xml: JSONValue, path: String = "") -> [String] {
    switch (json, xml) {
    case (.object(let lhs), .object(let rhs)):
        var differences: [String] = []
        for key in Set(lhs.keys).union(rhs.keys).sorted() {
            let left = lhs[key] ?? .null
            let right = rhs[key] ?? .null
            if left == .null && rhs[key] == nil { continue }
            differences += contentDifferences(json: left, xml: right, path: path + "/" + key)
        }
        return differences
    case (.array(let lhs), .array(let rhs)):
        guard lhs.count == rhs.count else { return ["\(path): \(lhs.count) items in JSON, \(rhs.count) in XML"] }
        return zip(lhs, rhs).enumerated().flatMap {
            contentDifferences(json: $1.0, xml: $1.1, path: path + "/\($0)")
        }
    case (_, .string(let text)) where json.numberValue != nil:
        return Double(text) == json.numberValue ? [] : ["\(path): \(json) in JSON, \(text) in XML"]
    case (.bool(let flag), .string(let text)):
        return String(flag) == text ? [] : ["\(path): \(flag) in JSON, \(text) in XML"]
    case (.array([]), .string("")), (.object([:]), .string("")):
        return []  // an empty array or object inside <extensions> reads back as an empty element
    case (.string(let lhs), .string(let rhs)):
        return lhs == rhs ? [] : ["\(path): \"\(lhs.prefix(60))\" in JSON, \"\(rhs.prefix(60))\" in XML"]
    default:
        return ["\(path): \(json) in JSON, \(xml) in XML"]
    }
}

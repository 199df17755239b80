import KZRegRecords
import KZRegStructure

/// Small records in the genre, built in code for the differ's unit tests.
enum RecordSamples {
    static let zero = SourceSpan(start: 0, end: 0)

    static func step(_ number: Int, _ actor: String?, _ text: String, _ durations: [(Double, Duration.Unit)] = [],
                     result: String? = nil) -> Step {
        Step(number: number, actor: actor, text: text,
             durations: durations.map { Duration(value: $0.0, unit: $0.1, text: "", span: zero) },
             result: result, span: zero)
    }

    static func regulation(_ service: String?, steps: [Step], participants: [String] = [],
                           chapters: [Chapter] = [], provider: String? = nil) -> Regulation {
        Regulation(kind: .regulation, annex: 1, title: "\"\(service ?? "")\" мемлекеттік көрсетілетін қызмет регламенті",
                   serviceName: service, provider: provider, chapters: chapters, participants: participants,
                   steps: steps, span: zero)
    }

    static func record(_ file: String, title: String = "Мемлекеттік көрсетілетін қызмет регламентін бекіту туралы",
                       adopted: ActReference = ActReference(), regulations: [Regulation]) -> Record {
        Record(source: SourceInfo(file: file, sha256: String(repeating: "0", count: 64), byteCount: 0,
                                  encoding: "UTF-8", transcoded: false),
               document: DocumentInfo(title: title, adopted: adopted, status: .inForce),
               annexes: [], regulations: regulations,
               repair: RepairSummary(method: "nfc", changedTokens: 0, uncertain: []),
               structure: StructureNode(kind: .document, span: zero))
    }

    static let subsidyService = "Асыл тұқымды мал шаруашылығын дамытуды, мал шаруашылығы өнімінің өнімділігін "
        + "және сапасын арттыруды субсидиялау"
    static let processingService = "Қайта өңдеуші кәсіпорындардың ауыл шаруашылығы өнімін тереңдете қайта өңдеп "
        + "өнім өндіруі үшін оны сатып алуға арналған шығындарын субсидиялау"

    static let specialist = "көрсетілетін қызметті берушінің жауапты маманы"
    static let head = "көрсетілетін қызметті берушінің басшысы"
    static let office = "көрсетілетін қызметті берушінің кеңсе қызметкері"

    /// A five-step procedure of the subsidy regulation.
    static func subsidySteps() -> [Step] {
        [
            step(1, office, "\(office) өтінімді тіркейді және оны көрсетілетін қызметті берушінің басшысына береді",
                 [(15, .minute)]),
            step(2, head, "\(head) өтінімді қарайды және жауапты маманды айқындайды", [(4, .hour)]),
            step(3, specialist, "\(specialist) өтінім тіркелген сәттен бастап ЭЦҚ пайдалана отырып тиісті "
                 + "хабарламаға қол қою арқылы оның қабылданғанын растайды", [(1, .workingDay)]),
            step(4, specialist, "\(specialist) субсидиялауға арналған төлем тапсырмаларын қалыптастырады және "
                 + "қазынашылық аумақтық бөлімшесіне жібереді", [(1, .workingDay)]),
            step(5, head, "\(head) мемлекеттік қызмет көрсету нәтижесіне қол қояды", [(2, .hour)]),
        ]
    }

    static func renumbered(_ steps: [Step]) -> [Step] {
        steps.enumerated().map { index, step in
            var step = step
            step.number = index + 1
            return step
        }
    }
}

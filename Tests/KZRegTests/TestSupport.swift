import Foundation
@testable import KZReg

/// Genre-like text and encodings for tests, written here (not taken from the seeds).
enum Genre {
    /// A short Kazakh act in the shape of the genre: title, act line, registration, points, an annex.
    static let kazakhAct = """
        Мемлекеттік көрсетілетін қызмет регламентін бекіту туралы

        Ақтөбе облысы әкімдігінің 2017 жылғы 14 наурыздағы № 88 қаулысы. Ақтөбе облысының Әділет \
        департаментінде 2017 жылғы 3 сәуірде № 5390 болып тіркелді

        "Мемлекеттік көрсетілетін қызметтер туралы" Қазақстан Республикасының Заңына сәйкес Ақтөбе облысының \
        әкімдігі ҚАУЛЫ ЕТЕДІ:
        1. Қоса беріліп отырған "Жер учаскесіне сәйкестендіру құжатын беру" мемлекеттік көрсетілетін қызмет \
        регламенті бекітілсін.
        2. Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.

        Облыс әкімі    Б. Сапарбаев

        Ақтөбе облысы әкімдігінің 2017 жылғы 14 наурыздағы № 88 қаулысына қосымша

        "Жер учаскесіне сәйкестендіру құжатын беру" мемлекеттік көрсетілетін қызмет регламенті

        1-тарау. Жалпы ережелер
        1. Мемлекеттік көрсетілетін қызметті аудандардың жер қатынастары бөлімдері көрсетеді.
        2. Көрсетілетін қызметтің нәтижесі – сәйкестендіру құжаты.
        2-тарау. Көрсетілетін қызметті берушінің құрылымдық бөлімшелерінің іс-қимыл тәртібін сипаттау
        3. Әрбір рәсімнің мазмұны:
        1) құжаттарды қабылдау – 15 (он бес) минут;
        2) басшының бұрыштама қоюы – 1 (бір) сағат ішінде;
        3) нәтижені дайындау – 3 (үш) жұмыс күні.

        """

    /// A Russian act (no Kazakh-specific letters, so it fits Windows-1251).
    static let russianAct = """
        Об утверждении регламента государственной услуги

        Постановление акимата Актюбинской области от 14 марта 2017 года № 88. Зарегистрировано \
        Департаментом юстиции Актюбинской области 3 апреля 2017 года № 5390

        В соответствии с Законом Республики Казахстан «О государственных услугах» акимат области ПОСТАНОВЛЯЕТ:
        1. Утвердить прилагаемый регламент государственной услуги «Выдача идентификационного документа».
        2. Контроль за исполнением настоящего постановления возложить на заместителя акима области.
        3. Настоящее постановление вводится в действие по истечении десяти календарных дней после дня его \
        первого официального опубликования.

        Аким области    Б. Сапарбаев

        """

    /// Text of about `megabytes` MB (10^6 bytes), built by repeating the genre act with changing numbers.
    static func large(megabytes: Int) -> String {
        let target = megabytes * 1_000_000
        var text = ""
        text.reserveCapacity(target + kazakhAct.utf8.count)
        var copy = 0
        while text.utf8.count < target {
            copy += 1
            text += kazakhAct.replacingOccurrences(of: "№ 88", with: "№ \(copy)")
        }
        return text
    }

    /// Windows-1251 bytes of `text`; only ASCII, А–я, Ёё, №, «» are supported (enough for the tests).
    static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar.value {
            case 0..<0x80: return UInt8(scalar.value)
            case 0x410...0x44F: return UInt8(scalar.value - 0x410 + 0xC0)
            case 0x401: return 0xA8
            case 0x451: return 0xB8
            case 0x2116: return 0xB9
            case 0xAB: return 0xAB
            case 0xBB: return 0xBB
            case 0x2013: return 0x96
            default: fatalError("no Windows-1251 byte for U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    /// KZ-1048 bytes of `text`: Windows-1251 with the Kazakh letters in place of 16 Ukrainian/Serbian ones.
    static func kz1048(_ text: String) -> [UInt8] {
        let kazakh: [UInt32: UInt8] = [
            0x49A: 0x8D, 0x4BA: 0x8E, 0x49B: 0x9D, 0x4BB: 0x9E, 0x4B0: 0xA1, 0x4B1: 0xA2, 0x4D8: 0xA3,
            0x4E8: 0xA5, 0x492: 0xAA, 0x4AE: 0xAF, 0x4E9: 0xB4, 0x493: 0xBA, 0x4D9: 0xBC, 0x4A2: 0xBD,
            0x4A3: 0xBE, 0x4AF: 0xBF, 0x406: 0xB2, 0x456: 0xB3,
        ]
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if let byte = kazakh[scalar.value] { bytes.append(byte) } else { bytes += windows1251(String(scalar)) }
        }
        return bytes
    }

    static func utf16(_ text: String, bigEndian: Bool, byteOrderMark: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        let units = (byteOrderMark ? [0xFEFF] : []) + Array(text.utf16)
        for unit in units {
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    /// The smallest PNG header plus deterministic pseudo-random bytes.
    static func binary(count: Int, seed: UInt64 = 42) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

/// A deterministic random number generator (SplitMix64) so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A fresh temporary directory, removed when the value is released by the test.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "kzreg-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `relativePath` (creating directories) and returns the full path.
    @discardableResult
    func write(_ bytes: [UInt8], to relativePath: String) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> String {
        try write(Array(text.utf8), to: relativePath)
    }
}

/// The repository root (for the seeds), found from this source file's location.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

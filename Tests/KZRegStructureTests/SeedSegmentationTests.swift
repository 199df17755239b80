import Testing
@testable import KZRegStructure

@Suite struct SeedSegmentationTests {
    @Test func seed003Metadata() throws {
        let document = Segmenter().segment(try TestSupport.seed("003"))
        let metadata = document.metadata
        #expect(metadata.issuer == "Шымкент қаласы әкімдігі")
        #expect(metadata.actType == "қаулы")
        #expect(metadata.adopted?.date?.iso == "2018-12-29")
        #expect(metadata.adopted?.number == "389")
        #expect(metadata.registered?.date?.iso == "2018-12-29")
        #expect(metadata.registered?.number == "15")
        #expect(metadata.status == .repealed)
        #expect(metadata.repealedBy?.date?.iso == "2020-12-23")
        #expect(metadata.repealedBy?.number == "810")
        #expect(metadata.title?.hasSuffix("регламенттерін бекіту туралы") == true)
    }

    @Test func seed003ActPart() throws {
        let root = Segmenter().segment(try TestSupport.seed("003")).root
        #expect(root.children.map(\.kind).prefix(5) == [.header, .preamble, .body, .signature, .annex])
        let body = try #require(root.firstChild(.body))
        #expect(body.children(.point).map { $0.number ?? "" } == ["1", "2", "3", "4"])
        #expect(body.children(.point)[1].children(.subpoint).count == 4)
        #expect(root.firstChild(.preamble)?.text.hasSuffix("ҚАУЛЫ ЕТЕДІ:") == true)
        #expect(root.firstChild(.signature)?.text == "Қала әкімі\nГ.Әбдірахымов")
    }

    @Test func seed003AnnexesHoldRegulationsWithChaptersAndNestedAnnexes() throws {
        let root = Segmenter().segment(try TestSupport.seed("003")).root
        let annexes = root.children(.annex)
        #expect(annexes.map(\.number) == ["1", "2"])

        let first = try #require(annexes[0].firstChild(.approvedText))
        #expect(first.heading?.hasSuffix("қызметінің регламенті") == true)
        let firstChapters = first.children(.chapter)
        #expect(firstChapters.map(\.number) == ["1", "2", "3", "4"])
        #expect(firstChapters[0].heading == "Жалпы ережелер")
        #expect(firstChapters[0].text == "1-бөлім. Жалпы ережелер")
        #expect(firstChapters[0].children(.point).map(\.number) == ["1", "2", "3"])
        #expect(firstChapters[1].children(.point)[1].children(.subpoint).count == 5)
        #expect(firstChapters[2].children(.point)[0].children(.bulletItem).map(\.number) == ["1", "2", "3"])
        let nestedInFirst = first.children(.annex)
        #expect(nestedInFirst.count == 1)
        #expect(nestedInFirst.first?.firstChild(.table)?.children(.tableRow).count ?? 0 >= 4)

        let second = try #require(annexes[1].firstChild(.approvedText))
        let secondChapters = second.children(.chapter)
        #expect(secondChapters.map(\.number) == ["1", "2", "3", "4"])
        #expect(secondChapters[0].heading == "Жалпы ережелер")
        #expect(secondChapters[0].text == "1. Жалпы ережелер")
        #expect(secondChapters[1].children(.point).map(\.number) == ["4", "5", "6", "7"])
        #expect(secondChapters[1].children(.point)[1].children(.subpoint).count == 12)
        let nestedInSecond = second.children(.annex)
        #expect(nestedInSecond.map(\.number) == ["1", "2"])
        #expect(nestedInSecond[0].firstChild(.legend)?.children.count == 8)
        #expect(nestedInSecond[1].firstChild(.table) != nil)
    }

    @Test func seed001RulesHaveBothChaptersAndAll38Points() throws {
        let document = Segmenter().segment(try TestSupport.seed("001"))
        #expect(document.metadata.actType == "бұйрық")
        #expect(document.metadata.adopted?.number == "132/НҚ")
        #expect(document.metadata.adopted?.date?.iso == "2020-04-09")
        #expect(document.metadata.registered?.number == "20415")
        #expect(document.metadata.registered?.date?.iso == "2020-04-16")
        #expect(document.metadata.issuer?.hasSuffix("аэроғарыш өнеркәсібі министрі") == true)
        let root = document.root
        // The displaced hyperlink words stay inside the preamble, which keeps its formula.
        #expect(root.firstChild(.preamble)?.text.contains("БҰЙЫРАМЫН:9-1-бабының") == true)
        #expect(root.firstChild(.body)?.children(.point).map(\.number) == ["1", "2", "3", "4"])
        let annex = try #require(root.firstChild(.annex))
        let rules = try #require(annex.firstChild(.approvedText))
        #expect(rules.heading?.hasSuffix("қызметі қағидалары") == true)
        let chapters = rules.children(.chapter)
        #expect(chapters.map(\.heading) == ["Жалпы ережелер", "Мемлекеттік корпорация қызметінің тәртібі"])
        let points = chapters.flatMap { $0.children(.point) }
        #expect(points.map(\.number) == (1...38).map(String.init))
        // Page-break blank runs inside point 5 are joined back into one paragraph.
        #expect(points[4].text.contains("23 қарашадағы Қазақстан Республикасының Еңбек кодексіне"))
    }

    @Test(arguments: TestSupport.seedNames)
    func everySpanSlicesToItsText(_ name: String) throws {
        let text = try TestSupport.seed(String(name.prefix(3)))
        let root = Segmenter().segment(text).root
        let length = text.utf8.count
        for node in root.descendantsAndSelf {
            #expect(node.span.start >= 0 && node.span.start <= node.span.end && node.span.end <= length)
            #expect(TestSupport.spanHoldsTextStart(node, in: text),
                    "\(node.kind) \(node.span): «\(node.text.prefix(40))» vs «\(TestSupport.slice(text, node.span).prefix(60))»")
            for child in node.children {
                #expect(node.span.start <= child.span.start && child.span.end <= node.span.end,
                        "\(child.kind) \(child.span) escapes \(node.kind) \(node.span)")
            }
        }
    }

    @Test(arguments: ["000", "002", "004"])
    func garbledSeedsDegradeGracefully(_ prefix: String) throws {
        let text = try TestSupport.seed(prefix)
        let root = Segmenter().segment(text).root
        // Nothing is lost: every non-blank line lies inside a node that holds text (not a mere container).
        let containers: Set<NodeKind> = [.document, .body, .annex, .approvedText]
        let leaves = root.descendantsAndSelf.filter { !containers.contains($0.kind) }
        var covered = [Bool](repeating: false, count: text.utf8.count + 1)
        for leaf in leaves { for offset in leaf.span.start..<leaf.span.end { covered[offset] = true } }
        for line in LineSplitter.lines(of: text) where !line.isBlank {
            #expect(covered[line.contentStart], "line at \(line.start) «\(line.text.prefix(30))» is in no node")
        }
    }
}

@Suite struct HeaderLayoutTests {
    @Test func readsATitlePrintedBelowTheActLine() throws {
        let text = """
        Ақмола облысы әкімдігінің 2019 жылғы 29 тамыздағы № А-9/406 қаулысы. Ақмола облысының Әділет департаментінде 2019 жылғы 10 қыркүйекте № 7375 болып тіркелді

        Мемлекеттік көрсетілетін қызмет регламентін бекіту туралы

        "Мемлекеттік көрсетілетін қызметтер туралы" Заңға сәйкес Ақмола облысының әкімдігі ҚАУЛЫ ЕТЕДІ:

        1. Регламент бекітілсін.
        """
        let document = Segmenter().segment(text)
        #expect(document.metadata.title == "Мемлекеттік көрсетілетін қызмет регламентін бекіту туралы")
        #expect(document.metadata.issuer == "Ақмола облысы әкімдігі")
        #expect(document.metadata.registered?.number == "7375")
        #expect(document.root.children.map(\.kind) == [.header, .preamble, .body])
    }

    @Test func aDocumentWithoutHeaderHasEmptyMetadata() {
        let document = Segmenter().segment("Түсіндірме жазба\n\nМәтін мұнда.")
        #expect(document.metadata == ActMetadata())
        #expect(document.root.children.map(\.kind) == [.paragraph, .paragraph])
    }
}

@Suite struct BodyLayoutTests {
    @Test func anUnnumberedBodyStillEndsWithItsSignature() {
        let text = """
        Ақмола облысы әкімдігінің 2019 жылғы 29 тамыздағы № А-9/406 қаулысы.

        Заңға сәйкес Ақмола облысының әкімдігі ҚАУЛЫ ЕТЕДІ:

        Облыстың ауыл шаруашылығы басқармасы мемлекеттік тіркеуді қамтамасыз етсін.

        Облыс әкімі

        Е. Маржықпаев
        """
        let root = Segmenter().segment(text).root
        #expect(root.children.map(\.kind) == [.header, .preamble, .body, .signature])
        #expect(root.firstChild(.signature)?.text == "Облыс әкімі\nЕ. Маржықпаев")
        #expect(root.firstChild(.body)?.children.map(\.kind) == [.paragraph])
    }
}

@Suite struct WrappedHeaderTests {
    /// The layout of OCR'd exports: status glued to the act line, sentences wrapped at 80 characters,
    /// a repeal clause and a note that run over several lines.
    @Test func readsAWrappedRepealedHeader() throws {
        let text = """
         "Жайылымдарды басқару жоспарын бекіту туралы" Қарағанды облысы Шет аудандық
        мәслихатының шешімі

        Күшін жойған
        Қарағанды облысы Шет аудандық мәслихатының 2017 жылғы 14 ақпандағы № 12/110 шешімі.
        Қарағанды облысының Әділет департаментінде 2017 жылғы 9 наурызда № 4164
        болып тіркелді. Күші жойылды - Қарағанды облысы Шет аудандық мәслихатының 2019
        жылғы 5 маусымдағы № 28/256 шешімімен

        Ескерту. Күші жойылды - Қарағанды облысы Шет аудандық мәслихатының 05.06.2019 № 28/
        256 (алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі) шешімімен.

        "Жайылымдар туралы" Заңға сәйкес Шет аудандық мәслихаты ШЕШІМ
        ҚАБЫЛДАДЫ:

        1. Жоспар бекітілсін.

        2. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң
        қолданысқа енгізіледі.
        Сессия төрағасы Қ. Ибраев
        """
        let document = Segmenter().segment(text)
        let metadata = document.metadata
        #expect(metadata.title == "\"Жайылымдарды басқару жоспарын бекіту туралы\" Қарағанды облысы Шет аудандық мәслихатының шешімі")
        #expect(metadata.status == .repealed)
        #expect(metadata.issuer == "Қарағанды облысы Шет аудандық мәслихаты")
        #expect(metadata.actType == "шешім")
        #expect(metadata.adopted?.number == "12/110")
        #expect(metadata.registered?.date?.iso == "2017-03-09")
        #expect(metadata.registered?.number == "4164")
        #expect(metadata.repealedBy?.date?.iso == "2019-06-05")
        #expect(metadata.repealedBy?.number == "28/256")
        let root = document.root
        #expect(root.children.map(\.kind) == [.header, .preamble, .body, .signature])
        #expect(root.firstChild(.body)?.children(.point).map(\.number) == ["1", "2"])
        #expect(root.firstChild(.signature)?.text == "Сессия төрағасы Қ. Ибраев")
    }
}

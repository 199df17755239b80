/// What a node of the document tree stands for.
public enum NodeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The whole input.
    case document
    /// The act header: title, status, act line, registration, repeal note.
    case header
    /// The act's title (possibly wrapped over several lines).
    case title
    /// The status line ("Күшін жойған").
    case status
    /// The act line: issuer, act type, date, number ("... әкімдігінің 2018 жылғы ... № 389 қаулысы.").
    case actLine
    /// The justice registration ("... Әділет департаментінде ... № 15 болып тіркелді").
    case registration
    /// An editorial note ("Ескерту. Күші жойылды - ...").
    case note
    /// The preamble that ends with the enacting formula ("... ҚАУЛЫ ЕТЕДІ:", "БҰЙЫРАМЫН:").
    case preamble
    /// The act's own body: enacting points.
    case body
    /// A numbered point ("1.", "2.1.").
    case point
    /// A numbered sub-point ("1)", "- 1)").
    case subpoint
    /// An unnumbered paragraph.
    case paragraph
    /// A bullet item ("- ...", "• ...").
    case bulletItem
    /// The signature block (position and name).
    case signature
    /// An annex (қосымша): caption lines, title and content.
    case annex
    /// An annex caption line block ("... қаулысына 1-қосымша").
    case caption
    /// An approved text inside the act or an annex: a регламент, қағидалар, стандарт, ...
    case approvedText
    /// A chapter or section heading with its content ("1-тарау. ...", "1-бөлім. ...", "2. Мемлекеттік ...").
    case chapter
    /// A tab-separated table.
    case table
    /// A table row; its cells are in `cells`.
    case tableRow
    /// A diagram legend (the symbols under a business-process diagram).
    case legend
    /// OCR'd table or diagram debris kept as one opaque block.
    case debris
}

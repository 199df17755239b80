import KZRegRecords

/// Conversions used for duration totals.
///
/// Working time: 1 working day (жұмыс күні) = 8 working hours; minutes and hours convert exactly.
/// Calendar time is never mixed into working time: unqualified days (күн) and calendar days (күнтізбелік
/// күн) are summed as calendar days, months and years as months (1 year = 12 months), each kept apart.
public enum DurationArithmetic {
    /// Working hours in one working day.
    public static let hoursPerWorkingDay = 8.0

    /// The conventions in words, for the reader of a report.
    public static let conventions = "1 жұмыс күні = 8 жұмыс сағаты; қадам мерзімі — оның ең ұзақ мерзімі; "
        + "күнтізбелік күндер мен айлар жұмыс уақытына қосылмайды "
        + "(1 working day = 8 working hours; a step counts its longest limit; calendar days and months are kept apart)"

    /// The working hours of a limit, or nil when its unit is calendar time.
    public static func workingHours(value: Double, unit: Duration.Unit) -> Double? {
        switch unit {
        case .minute: value / 60
        case .hour: value
        case .workingDay: value * hoursPerWorkingDay
        case .day, .calendarDay, .month, .year: nil
        }
    }
}

/// The limit of one step: the longest of its limits in each kind of time (a range counts its upper bound).
///
/// A step that names several limits ("4 сағат ішінде ..., 1 жұмыс күні ішінде") usually gives
/// sub-limits or alternatives inside one deadline, so the step counts with the longest one per kind.
public struct StepLimit: Sendable, Hashable {
    public var workingHours: Double = 0
    public var calendarDays: Double = 0
    public var months: Double = 0

    public init(_ values: [DurationValue]) {
        for value in values {
            if let hours = DurationArithmetic.workingHours(value: value.limit, unit: value.unit) {
                workingHours = max(workingHours, hours)
            } else if value.unit == .month || value.unit == .year {
                months = max(months, value.unit == .year ? value.limit * 12 : value.limit)
            } else {
                calendarDays = max(calendarDays, value.limit)
            }
        }
    }

    /// Whether the step has a limit at all.
    public var isEmpty: Bool { workingHours == 0 && calendarDays == 0 && months == 0 }
    /// Whether the limit is expressed in working time only.
    public var isWorkingTimeOnly: Bool { workingHours > 0 && calendarDays == 0 && months == 0 }
}

/// The total duration of a procedure: the sum of its steps' limits, each kind of time kept apart.
public struct DurationTotal: Sendable, Hashable, Codable {
    /// Minutes, hours and working days, in working hours (1 working day = 8 hours).
    public var workingHours: Double
    /// Calendar and unqualified days.
    public var calendarDays: Double
    /// Months (a year counts 12).
    public var months: Double
    /// Steps that carry a limit.
    public var stepsWithLimit: Int
    /// Steps without any limit (the total then understates the procedure).
    public var stepsWithoutLimit: Int
    /// The total in words ("1 жұмыс күні 4 сағат").
    public var label: String

    public init(steps: [StepSnapshot]) {
        var working = 0.0, calendar = 0.0, months = 0.0, with = 0, without = 0
        for step in steps {
            let limit = StepLimit(step.durations)
            if limit.isEmpty { without += 1; continue }
            with += 1
            working += limit.workingHours
            calendar += limit.calendarDays
            months += limit.months
        }
        self.workingHours = working
        self.calendarDays = calendar
        self.months = months
        self.stepsWithLimit = with
        self.stepsWithoutLimit = without
        self.label = DurationFormatter.total(workingHours: working, calendarDays: calendar, months: months)
            + (without > 0 && with > 0 ? " (\(without) қадамның мерзімі жоқ)" : "")
    }

    /// Whether the total has a working-time part.
    public var hasWorkingTime: Bool { workingHours > 0 }
}

/// Kazakh wording of durations.
public enum DurationFormatter {
    /// "1 жұмыс күні", "15 минут", "1,5 сағат", "2–3 сағат".
    public static func label(value: Double, maxValue: Double? = nil, unit: Duration.Unit) -> String {
        let word: String = switch unit {
        case .minute: "минут"
        case .hour: "сағат"
        case .day: "күн"
        case .workingDay: "жұмыс күні"
        case .calendarDay: "күнтізбелік күн"
        case .month: "ай"
        case .year: "жыл"
        }
        let amount = maxValue.map { "\(number(value))–\(number($0))" } ?? number(value)
        return "\(amount) \(word)"
    }

    /// A number without a needless fraction, with a decimal comma ("2", "1,5").
    public static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        if text.hasSuffix("0"), text.contains(".") { text.removeLast() }
        return String(text.map { $0 == "." ? "," : $0 })
    }

    /// Working hours as working days, hours and minutes ("1 жұмыс күні 4 сағат", "30 минут").
    public static func workingTime(hours: Double) -> String {
        let totalMinutes = Int((abs(hours) * 60).rounded())
        let minutesPerDay = Int(DurationArithmetic.hoursPerWorkingDay) * 60
        let days = totalMinutes / minutesPerDay
        let hoursPart = (totalMinutes % minutesPerDay) / 60
        let minutes = totalMinutes % 60
        var parts: [String] = []
        if days > 0 { parts.append("\(days) жұмыс күні") }
        if hoursPart > 0 { parts.append("\(hoursPart) сағат") }
        if minutes > 0 { parts.append("\(minutes) минут") }
        if parts.isEmpty { parts.append("0 сағат") }
        return (hours < 0 ? "−" : "") + parts.joined(separator: " ")
    }

    /// A total in words, its kinds of time joined by " + ".
    public static func total(workingHours: Double, calendarDays: Double, months: Double) -> String {
        var parts: [String] = []
        if workingHours > 0 { parts.append(workingTime(hours: workingHours)) }
        if calendarDays > 0 { parts.append(label(value: calendarDays, unit: .calendarDay)) }
        if months > 0 { parts.append(label(value: months, unit: .month)) }
        return parts.isEmpty ? "мерзімі жоқ" : parts.joined(separator: " + ")
    }

    /// A signed change of working time ("+8 жұмыс сағаты (1 жұмыс күні)").
    public static func delta(workingHours: Double) -> String {
        let sign = workingHours > 0 ? "+" : workingHours < 0 ? "−" : "±"
        return "\(sign)\(number(abs(workingHours))) жұмыс сағаты (\(sign)\(workingTime(hours: abs(workingHours))))"
    }
}

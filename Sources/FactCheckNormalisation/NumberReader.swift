import FactCheckExtraction
import FactCheckModel
import FactCheckRules
import Foundation

/// A figure read from captured text.
package struct ParsedValue: Hashable, Sendable {
  /// The normalised value (money in units of its currency, percentages in percent, durations in minutes).
  package var value: Double
  /// A currency code, `%`, or `minutes`.
  package var unit: String?
  /// Remarks worth keeping with the claim (an ambiguous separator resolved, Indian grouping).
  package var notes: [String] = []
  /// The upper end of a range ("15 à 20 %", "3 000-3 500"); `value` is then the lower end.
  package var upper: Double?
  /// A fraction or ratio in words ("deux tiers", "one in four"): a rounded figure by nature.
  package var isApproximate = false
}

/// Why a figure could not be read.
package struct MalformedFigure: Error, Hashable, Sendable {
  package let text: String
  package let reason: String
}

/// Reads figures in French and English typography, digits or words, driven by one lexicon.
///
/// The regex fragments only delimit a figure; this reader decides what it says: which separator is a
/// decimal mark (`3,5` in French, `3.5` in English), which groups thousands (`3 500`, `3 500`, `3,500`,
/// `14.000`, `2,80,000`), which words scale it (`6,7 milliards`, `$45.6bn`, `15 Md€`) and which spell it
/// (`vingt-deux`, `trois mille cinq cents`, `a dozen`). A figure it cannot read unambiguously, such as
/// `27,00` where a count is expected, is reported as malformed rather than guessed.
package struct NumberReader: Sendable {
  package let tables: LexiconTables

  /// The note on a fraction or ratio in words ("un quart", "one in four"), rounded by nature.
  package static let inWordsNote = "fraction in words"

  package init(tables: LexiconTables) { self.tables = tables }

  /// More significant digits than a `Double` holds exactly: such a figure is a typo or a code, not a count.
  package static let maxSignificantDigits = 15

  /// Reads a figure of `kind` from captured text.
  ///
  /// The text may hold digits of other scripts and invisible characters (``TextNormalisation/key(_:)``
  /// reads past them); the value is always finite.
  package func read(_ text: String, kind: ValueKind) throws(MalformedFigure) -> ParsedValue {
    let key = TextNormalisation.key(text).replacingHyphensBetweenLetters()
    let parsed: ParsedValue
    switch kind {
    case .count: parsed = try readCount(FigureScanner(key), original: text)
    case .money: parsed = try readMoney(FigureScanner(key), original: text)
    case .percent: parsed = try readPercent(key, FigureScanner(key), original: text)
    case .year:
      guard let year = Int(key.filter(\.isNumber)) else { throw MalformedFigure(text: text, reason: "not a year") }
      parsed = ParsedValue(value: Double(year), unit: "year")
    case .duration: parsed = try readDuration(FigureScanner(key), original: text)
    }
    // A scale word after fifteen digits can still overflow ("999… milliards de milliards").
    guard parsed.value.isFinite, parsed.upper?.isFinite ?? true else { throw MalformedFigure(text: text, reason: "too large to be a figure") }
    return parsed
  }

  // MARK: - Kinds
  //
  // Each reads the part of the figure's text its scanner holds, from the scanner's cursor.

  private func readCount(_ figure: FigureScanner, original: String) throws(MalformedFigure) -> ParsedValue {
    if let range = try readRange(figure, original: original, kind: .count) { return range }
    var scanner = figure
    // Text the fragment allowed after the number that is no scale is left unread.
    var parsed = try readQuantity(&scanner, original: original, kind: .count)
    parsed.unit = nil
    return parsed
  }

  private func readMoney(_ figure: FigureScanner, original: String) throws(MalformedFigure) -> ParsedValue {
    let words = tables.figureWords
    let text = figure.source
    // "entre 410 et 430 millions d'euros": the high end carries the scale and the currency for both.
    for opening in words.rangeOpenings where figure.hasPrefix(opening) {
      // The link is looked for after the lead: in "between and 3,500" the lead's space is the link's.
      let afterLead = figure.index + opening.count
      let links = words.rangeLinks.compactMap { text.firstRange(of: $0, in: afterLead..<figure.end) }
      guard let split = links.min(by: { $0.lowerBound < $1.lowerBound }) else { continue }
      var high = try readMoney(figure.part(split.upperBound..<figure.end), original: original)
      var leftScanner = figure.part(afterLead..<split.lowerBound)
      _ = leftScanner.consumeLongest(from: words.currencies)
      leftScanner.skipSpaces()
      let low = try readQuantity(&leftScanner, original: original, kind: .money)
      var lowValue = low.value
      if low.value > 0, high.value / low.value >= 1000 {
        lowValue = low.value * pow(10, (log10(high.value / low.value) / 3).rounded(.down) * 3)
      }
      let highValue = max(high.value, lowValue)
      high.value = min(lowValue, highValue)
      high.upper = highValue
      high.notes = low.notes + high.notes
      return high
    }
    var scanner = figure
    var currency = scanner.consumeLongest(from: words.currencies)
    scanner.skipSpaces()
    var parsed = try readQuantity(&scanner, original: original, kind: .money)
    scanner.skipSpaces()
    // « 3 milliards de d’euros »: copy edited twice keeps both prepositions; the currency is still the euro.
    for _ in 0..<2 {
      scanner.skipCurrencyLink(words.currencyLinks)
      scanner.skipSpaces()
    }
    if let after = scanner.consumeLongest(from: words.currencies) { currency = currency ?? after }
    parsed.unit = currency
    return parsed
  }

  /// `key` is the figure's whole normalised text, which `figure` scans: fractions in words ("deux tiers") are
  /// looked up whole.
  private func readPercent(_ key: String, _ figure: FigureScanner, original: String) throws(MalformedFigure) -> ParsedValue {
    if let fraction = tables.fractions[key] {
      return ParsedValue(value: fraction, unit: "%", notes: [NumberReader.inWordsNote], isApproximate: true)
    }
    let text = figure.source
    // "one in four": the ratio word once, a number on either side.
    for ratio in tables.figureWords.ratioSeparators {
      guard let split = text.firstRange(of: ratio, in: figure.remaining),
        text.firstRange(of: ratio, in: split.upperBound..<figure.end) == nil
      else { continue }
      var left = figure.part(figure.index..<split.lowerBound)
      var right = figure.part(split.upperBound..<figure.end)
      let numerator = try readQuantity(&left, original: original, kind: .count).value
      let denominator = try readQuantity(&right, original: original, kind: .count).value
      guard denominator > 0 else { throw MalformedFigure(text: original, reason: "ratio with a zero denominator") }
      return ParsedValue(value: numerator / denominator * 100, unit: "%", notes: [NumberReader.inWordsNote], isApproximate: true)
    }
    if let range = try readRange(figure, original: original, kind: .percent) { return range }
    var scanner = figure
    var negative = false
    if scanner.isAt(UInt8(ascii: "-")) {
      negative = true
      scanner.advance(1)
    } else if scanner.isAt(UInt8(ascii: "+")) {
      scanner.advance(1)
    }
    scanner.skipSpaces()
    var parsed = try readQuantity(&scanner, original: original, kind: .percent)
    if negative { parsed.value = -parsed.value }
    parsed.unit = "%"
    return parsed
  }

  private func readDuration(_ figure: FigureScanner, original: String) throws(MalformedFigure) -> ParsedValue {
    var scanner = figure
    var parsed = try readQuantity(&scanner, original: original, kind: .duration)
    scanner.skipSpaces()
    guard let factor = scanner.consumeLongest(from: tables.figureWords.durationUnits) else {
      throw MalformedFigure(text: original, reason: "no time unit")
    }
    parsed.value *= factor
    parsed.unit = "minutes"
    return parsed
  }

  /// "15 à 20 %", "15-20 %", "3 000–3 500", "between 60% and 70%": a range, low end first.
  ///
  /// A link stands between whole characters, as every other word does. Searched with Foundation, as it was
  /// before issue 15's nineteenth round, it could match inside a character (a space glued to a Malayalam
  /// prepended letter before it, or to a Thai vowel sign after it); no article of our corpora reads differently.
  private func readRange(_ figure: FigureScanner, original: String, kind: ValueKind) throws(MalformedFigure) -> ParsedValue? {
    let text = figure.source
    let start = figure.index
    for (separator, isBareHyphen) in tables.figureWords.rangeSeparators {
      // The first place the link stands decides: if it links nothing there, the next link is tried.
      guard let split = text.firstRange(of: separator, in: figure.remaining) else { continue }
      guard split.lowerBound > start else { continue }
      let last = text.characterStart(before: split.lowerBound)
      let endsInPercent = text.bytes[last] == UInt8(ascii: "%") && last + 1 == split.lowerBound
      guard text.isNumber(at: last) || endsInPercent
        || (!isBareHyphen && text.isLetter(at: last) && text.containsNumber(start..<split.lowerBound))
      else { continue }
      var leftStart = start
      for opening in tables.figureWords.rangeOpenings where text.matches(opening, at: leftStart, limit: split.lowerBound) {
        leftStart += opening.count
      }
      guard split.upperBound < figure.end, text.isNumber(at: split.upperBound) else { continue }
      var leftScanner = figure.part(leftStart..<split.lowerBound)
      var rightScanner = figure.part(split.upperBound..<figure.end)
      if kind == .percent {
        // The sign and its words go; what is left of each end is read as a number.
        let left = text.string(leftStart..<split.lowerBound).replacingOccurrences(of: "%", with: "").trimmingWhitespace()
        var right = text.string(split.upperBound..<figure.end).replacingOccurrences(of: "%", with: "")
        for word in tables.percentWords { right = right.replacingOccurrences(of: word, with: "") }
        leftScanner = FigureScanner(left)
        rightScanner = FigureScanner(right.trimmingWhitespace())
      }
      let low = try readQuantity(&leftScanner, original: original, kind: kind)
      var high = try readQuantity(&rightScanner, original: original, kind: kind)
      // "3 à 3,5 millions": a scale written after the high end applies to both ends.
      var lowValue = low.value
      if low.value > 0, high.value / low.value >= 1000 {
        lowValue = low.value * pow(10, (log10(high.value / low.value) / 3).rounded(.down) * 3)
      }
      high.value = max(high.value, lowValue)
      return ParsedValue(value: min(lowValue, high.value), unit: kind == .percent ? "%" : nil, notes: low.notes + high.notes,
                         upper: high.value)
    }
    return nil
  }

  // MARK: - Numbers

  /// Digits or words, then an optional scale word.
  private func readQuantity(_ scanner: inout FigureScanner, original: String, kind: ValueKind) throws(MalformedFigure) -> ParsedValue {
    let scales = tables.figureWords.scales
    var parsed: ParsedValue
    // The scale word after the number, looked up once: whether there is one decides how digits read.
    let scaled: (scale: Double, after: FigureScanner)?
    func scaleAhead(of scanner: FigureScanner) -> (scale: Double, after: FigureScanner)? {
      var probe = scanner
      probe.skipSpaces()
      return probe.consumeLongest(from: scales).map { ($0, probe) }
    }
    if scanner.isAtNumber {
      let run = scanner.consumeDigitRun()
      scaled = scaleAhead(of: scanner)
      parsed = try readDigits(scanner.source.bytes[run], original: original, kind: kind, scaled: scaled != nil)
    } else {
      let start = scanner.index
      guard let value = readWords(&scanner) else {
        throw MalformedFigure(text: original, reason: "no number")
      }
      parsed = ParsedValue(value: value)
      // "une soixantaine": a round figure, approximate by nature.
      if !tables.approximateNumbers.isEmpty {
        let words = scanner.text(from: start).split(separator: " ").map(String.init)
        parsed.isApproximate = words.contains { tables.approximateNumbers.contains($0) || tables.approximateNumbers.contains(String($0.dropLast())) }
      }
      scaled = scaleAhead(of: scanner)
    }
    if let scaled {
      parsed.value *= scaled.scale
      scanner = scaled.after
    }
    return parsed
  }

  /// Interprets a run of digits and separators, as ``FigureScanner/consumeDigitRun()`` takes it.
  package func readDigits(_ run: ArraySlice<UInt8>, original: String, kind: ValueKind, scaled: Bool) throws(MalformedFigure) -> ParsedValue {
    if let value = Self.plainDigits(run) { return ParsedValue(value: value) }
    return try readGroups(run, original: original, kind: kind, scaled: scaled)
  }

  /// ``readDigits(_:original:kind:scaled:)`` for any run: its groups of digits and the separators between them.
  ///
  /// A run holds numbers (ASCII digits, or other characters that are numbers, "²") and the ASCII separators
  /// between them (`.`, `,`, `'`, space), each followed by a number: every ASCII byte that is not a digit
  /// separates, and a group's length is counted in characters.
  package func readGroups(_ run: ArraySlice<UInt8>, original: String, kind: ValueKind, scaled: Bool) throws(MalformedFigure) -> ParsedValue {
    let decimalMark = tables.lexicon.decimalSeparator.asciiValue
    func isSeparator(_ byte: UInt8) -> Bool { byte < 0x80 && byte &- UInt8(ascii: "0") >= 10 }
    func length(_ group: some Collection<UInt8>) -> Int {
      group.allSatisfy { $0 < 0x80 } ? group.count : String(decoding: group, as: UTF8.self).count
    }
    // Spaces only ever group thousands (the fragment allows them only before groups of three).
    let compact = run.filter { $0 != UInt8(ascii: " ") }
    let separators = compact.filter(isSeparator)
    let groups = compact.split(whereSeparator: isSeparator)
    guard let first = groups.first, !first.isEmpty else { throw MalformedFigure(text: original, reason: "no digits") }
    // Leading zeros say nothing ("0,05"); past fifteen digits a Double rounds, and far past it overflows.
    let significant = length(Array(groups.joined()).drop { $0 == UInt8(ascii: "0") })
    guard significant <= NumberReader.maxSignificantDigits else {
      // A figure of hundreds of digits is quoted by its start: the message is one line.
      let quoted = original.count <= 40 ? original : original.prefix(30) + "…"
      throw MalformedFigure(text: quoted, reason: "\(significant) significant digits (at most \(NumberReader.maxSignificantDigits) are read)")
    }
    func number(_ digits: some Sequence<UInt8>) throws(MalformedFigure) -> Double {
      guard let value = Double(String(decoding: Array(digits), as: UTF8.self)) else { throw MalformedFigure(text: original, reason: "not a number") }
      return value
    }
    func decimal(_ integer: some Sequence<UInt8>, _ fraction: some Sequence<UInt8>) throws(MalformedFigure) -> Double {
      try number(Array(integer) + [UInt8(ascii: ".")] + Array(fraction))
    }

    if separators.isEmpty { return ParsedValue(value: try number(compact)) }

    if Set(separators).count == 2 {
      // "1.234,5" or "1,234.5": the last separator is the decimal mark, it occurs once, the other groups.
      guard let last = separators.last, separators.filter({ $0 == last }).count == 1,
        groups.dropFirst().dropLast().allSatisfy({ length($0) == 3 })
      else { throw MalformedFigure(text: original, reason: "mixed separators that group nothing") }
      return ParsedValue(value: try decimal(groups.dropLast().joined(), groups.last!))
    }

    let separator = separators.first!
    let written = String(UnicodeScalar(separator))
    let tail = Array(groups.dropFirst())
    let allThrees = tail.allSatisfy { length($0) == 3 } && length(first) <= 3
    if separator == UInt8(ascii: "'") {
      guard allThrees else { throw MalformedFigure(text: original, reason: "apostrophes must group digits by three") }
      return ParsedValue(value: try number(groups.joined()))
    }
    if separators.count > 1 {
      if allThrees { return ParsedValue(value: try number(groups.joined())) }
      // Indian grouping: lakh and crore, "2,80,000".
      if let last = tail.last, length(last) == 3, tail.dropLast().allSatisfy({ length($0) == 2 }), length(first) <= 2 {
        return ParsedValue(value: try number(groups.joined()), notes: ["Indian digit grouping"])
      }
      throw MalformedFigure(text: original, reason: "digit groups of irregular length")
    }

    // One separator.
    let fraction = tail[0]
    if separator == decimalMark {
      if length(fraction) == 3 && !scaled && kind != .percent && length(first) <= 3 && !first.elementsEqual([UInt8(ascii: "0")]) {
        // "3,500" in French copy: almost always a translated English thousands figure.
        let quoted = String(decoding: run, as: UTF8.self)
        return ParsedValue(value: try number(first + fraction), notes: ["'\(quoted)' read as thousands; '\(written)' is also this language's decimal mark"])
      }
      if kind == .count && !scaled {
        throw MalformedFigure(text: original, reason: "a count with a decimal part")
      }
      return ParsedValue(value: try decimal(first, fraction))
    }
    // The other separator: thousands when followed by three digits.
    if length(fraction) == 3 && length(first) <= 3 { return ParsedValue(value: try number(first + fraction)) }
    if separator == UInt8(ascii: ".") && !(kind == .count && !scaled) {
      // "3.5 millions" in French copy: an English decimal point.
      return ParsedValue(value: try decimal(first, fraction), notes: ["'.' read as a decimal point"])
    }
    throw MalformedFigure(text: original, reason: "'\(written)' is neither a decimal mark here nor followed by a group of three digits")
  }

  /// The value of a run of ASCII digits, spaces between them aside ("3500", "3 500"), as
  /// ``readGroups(_:original:kind:scaled:)`` reads it, but without splitting it: most figures are such runs,
  /// and the split into groups cost 9,900 instructions a figure in the 600-article profile. `nil` for any
  /// other run, and for one of more than ``maxSignificantDigits`` significant digits (whose error `readGroups`
  /// reports). An integer of at most fifteen significant digits is exact in a `Double` at every step of the sum.
  static func plainDigits(_ run: ArraySlice<UInt8>) -> Double? {
    var value = 0.0
    var digits = 0
    var significant = 0
    for byte in run {
      if byte &- UInt8(ascii: "0") < 10 {
        digits += 1
        if significant > 0 || byte != UInt8(ascii: "0") { significant += 1 }
        value = value * 10 + Double(byte &- UInt8(ascii: "0"))
      } else if byte != UInt8(ascii: " ") {
        return nil
      }
    }
    return digits > 0 && significant <= maxSignificantDigits ? value : nil
  }

  /// Reads spelled numbers ("trois mille cinq cents", "twenty-two", "a dozen").
  package func readWords(_ scanner: inout FigureScanner) -> Double? {
    let words = tables.figureWords
    var total = 0.0
    var current = 0.0
    var sawNumber = false
    var pendingArticle = false
    while true {
      var probe = scanner
      probe.skipSpaces()
      if probe.isAtEnd { break }
      if let value = probe.consumeLongest(from: words.numbers) {
        current += value
        sawNumber = true
      } else if let value = probe.consumeLongest(from: words.multipliers) {
        let base = current == 0 ? (pendingArticle || !sawNumber ? 1 : 0) : current
        if value >= 1000 {
          total += max(base, 1) * value
          current = 0
        } else {
          current = max(base, 1) * value
        }
        sawNumber = true
      } else if sawNumber || pendingArticle, let scale = probe.peekLongest(from: words.scales), scale >= 1_000_000 {
        // "deux millions": leave the scale to the caller, which multiplies the whole figure.
        break
      } else if !sawNumber, probe.consumeLongest(from: words.articles) != nil {
        pendingArticle = true
        current = 1
      } else if sawNumber, probe.consumeLongest(from: words.conjunctions) != nil {
        // "vingt et un", "one hundred and five"
      } else {
        break
      }
      scanner = probe
    }
    guard sawNumber || pendingArticle else { return nil }
    return total + current
  }
}

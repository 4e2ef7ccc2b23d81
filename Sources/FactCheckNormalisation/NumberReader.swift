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
    case .count: parsed = try readCount(key, original: text)
    case .money: parsed = try readMoney(key, original: text)
    case .percent: parsed = try readPercent(key, original: text)
    case .year:
      guard let year = Int(key.filter(\.isNumber)) else { throw MalformedFigure(text: text, reason: "not a year") }
      parsed = ParsedValue(value: Double(year), unit: "year")
    case .duration: parsed = try readDuration(key, original: text)
    }
    // A scale word after fifteen digits can still overflow ("999… milliards de milliards").
    guard parsed.value.isFinite, parsed.upper?.isFinite ?? true else { throw MalformedFigure(text: text, reason: "too large to be a figure") }
    return parsed
  }

  // MARK: - Kinds

  private func readCount(_ key: String, original: String) throws(MalformedFigure) -> ParsedValue {
    if let range = try readRange(key, original: original, kind: .count) { return range }
    var scanner = Scanner(key)
    var parsed = try readQuantity(&scanner, original: original, kind: .count)
    scanner.skipSpaces()
    if !scanner.isAtEnd {
      // Trailing text the fragment allowed but that is no scale: keep the number, note nothing.
      _ = scanner.rest
    }
    parsed.unit = nil
    return parsed
  }

  private func readMoney(_ key: String, original: String) throws(MalformedFigure) -> ParsedValue {
    // "entre 410 et 430 millions d'euros": the high end carries the scale and the currency for both.
    for opening in tables.rangeBetween where key.hasPrefix(opening + " ") {
      // The link is looked for after the lead: in "between and 3,500" the lead's space is the link's.
      let afterLead = key.index(key.startIndex, offsetBy: opening.count + 1)
      let links = tables.rangeAnd.compactMap { key.range(of: " \($0) ", range: afterLead..<key.endIndex) }
      guard let split = links.min(by: { $0.lowerBound < $1.lowerBound }) else { continue }
      var high = try readMoney(String(key[split.upperBound...]), original: original)
      var leftScanner = Scanner(String(key[afterLead..<split.lowerBound]))
      _ = leftScanner.consumeLongest(from: tables.currencies)
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
    var scanner = Scanner(key)
    var currency = scanner.consumeLongest(from: tables.currencies)
    scanner.skipSpaces()
    var parsed = try readQuantity(&scanner, original: original, kind: .money)
    scanner.skipSpaces()
    // « 3 milliards de d’euros »: copy edited twice keeps both prepositions; the currency is still the euro.
    for _ in 0..<2 {
      scanner.skipCurrencyLink(tables.currencyLinks)
      scanner.skipSpaces()
    }
    if let after = scanner.consumeLongest(from: tables.currencies) { currency = currency ?? after }
    parsed.unit = currency
    return parsed
  }

  private func readPercent(_ key: String, original: String) throws(MalformedFigure) -> ParsedValue {
    if let fraction = tables.fractions[key] {
      return ParsedValue(value: fraction, unit: "%", notes: [NumberReader.inWordsNote], isApproximate: true)
    }
    for ratio in tables.ratioWords {
      let parts = key.components(separatedBy: " \(ratio) ")
      if parts.count == 2 {
        var left = Scanner(parts[0])
        var right = Scanner(parts[1])
        let numerator = try readQuantity(&left, original: original, kind: .count).value
        let denominator = try readQuantity(&right, original: original, kind: .count).value
        guard denominator > 0 else { throw MalformedFigure(text: original, reason: "ratio with a zero denominator") }
        return ParsedValue(value: numerator / denominator * 100, unit: "%", notes: [NumberReader.inWordsNote], isApproximate: true)
      }
    }
    if let range = try readRange(key, original: original, kind: .percent) { return range }
    var scanner = Scanner(key)
    var negative = false
    if scanner.hasPrefix("-") {
      negative = true
      scanner.advance(1)
    } else if scanner.hasPrefix("+") {
      scanner.advance(1)
    }
    scanner.skipSpaces()
    var parsed = try readQuantity(&scanner, original: original, kind: .percent)
    if negative { parsed.value = -parsed.value }
    parsed.unit = "%"
    return parsed
  }

  private func readDuration(_ key: String, original: String) throws(MalformedFigure) -> ParsedValue {
    var scanner = Scanner(key)
    var parsed = try readQuantity(&scanner, original: original, kind: .duration)
    scanner.skipSpaces()
    guard let factor = scanner.consumeLongest(from: tables.durationUnits) else {
      throw MalformedFigure(text: original, reason: "no time unit")
    }
    parsed.value *= factor
    parsed.unit = "minutes"
    return parsed
  }

  /// "15 à 20 %", "15-20 %", "3 000–3 500", "between 60% and 70%": a range, low end first.
  private func readRange(_ key: String, original: String, kind: ValueKind) throws(MalformedFigure) -> ParsedValue? {
    let bytes = Array(key.utf8)
    for (separator, ascii) in tables.rangeSeparators {
      // An ASCII link the key's bytes do not hold is not in it under any reading: the Foundation search,
      // thousands of instructions, is spared for most figures, which are no ranges.
      if let ascii, !bytes.withUnsafeBufferPointer({ ByteSearch.contains($0, 0..<$0.count, ascii) }) { continue }
      guard let split = key.range(of: separator) else { continue }
      let before = key[key.startIndex..<split.lowerBound]
      guard before.last?.isNumber == true || before.hasSuffix("%") || (separator != "-" && before.last?.isLetter == true && before.contains(where: \.isNumber))
      else { continue }
      var left = String(key[key.startIndex..<split.lowerBound])
      for opening in tables.rangeBetween where left.hasPrefix(opening + " ") { left = String(left.dropFirst(opening.count + 1)) }
      var right = String(key[split.upperBound...])
      guard right.first?.isNumber == true else { continue }
      if kind == .percent {
        left = left.replacingOccurrences(of: "%", with: "").trimmingWhitespace()
        right = right.replacingOccurrences(of: "%", with: "")
        for word in tables.percentWords { right = right.replacingOccurrences(of: word, with: "") }
        right = right.trimmingWhitespace()
      }
      var leftScanner = Scanner(left)
      var rightScanner = Scanner(right)
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
  private func readQuantity(_ scanner: inout Scanner, original: String, kind: ValueKind) throws(MalformedFigure) -> ParsedValue {
    var parsed: ParsedValue
    let hasDigits = scanner.peek?.isNumber ?? false
    if hasDigits {
      let digits = scanner.consumeDigitRun()
      let scaleFollows = scaleAhead(scanner)
      parsed = try readDigits(digits, original: original, kind: kind, scaled: scaleFollows)
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
    }
    var probe = scanner
    probe.skipSpaces()
    if let scale = probe.consumeLongest(from: tables.scales) {
      parsed.value *= scale
      scanner = probe
    }
    return parsed
  }

  private func scaleAhead(_ scanner: Scanner) -> Bool {
    var probe = scanner
    probe.skipSpaces()
    return probe.consumeLongest(from: tables.scales) != nil
  }

  /// Interprets a run of digits and separators.
  package func readDigits(_ run: String, original: String, kind: ValueKind, scaled: Bool) throws(MalformedFigure) -> ParsedValue {
    if let value = Self.plainDigits(run) { return ParsedValue(value: value) }
    return try readGroups(run, original: original, kind: kind, scaled: scaled)
  }

  /// ``readDigits(_:original:kind:scaled:)`` for any run: its groups of digits and the separators between them.
  package func readGroups(_ run: String, original: String, kind: ValueKind, scaled: Bool) throws(MalformedFigure) -> ParsedValue {
    let decimalMark = tables.lexicon.decimalSeparator
    // Spaces only ever group thousands (the fragment allows them only before groups of three).
    let compact = run.filter { $0 != " " }
    let separators = compact.filter { !$0.isNumber }
    let groups = compact.split(whereSeparator: { !$0.isNumber }).map(String.init)
    guard let first = groups.first, !first.isEmpty else { throw MalformedFigure(text: original, reason: "no digits") }
    // Leading zeros say nothing ("0,05"); past fifteen digits a Double rounds, and far past it overflows.
    let significant = groups.joined().drop { $0 == "0" }.count
    guard significant <= NumberReader.maxSignificantDigits else {
      // A figure of hundreds of digits is quoted by its start: the message is one line.
      let quoted = original.count <= 40 ? original : original.prefix(30) + "…"
      throw MalformedFigure(text: quoted, reason: "\(significant) significant digits (at most \(NumberReader.maxSignificantDigits) are read)")
    }
    func number(_ digits: String) throws(MalformedFigure) -> Double {
      guard let value = Double(digits) else { throw MalformedFigure(text: original, reason: "not a number") }
      return value
    }

    if separators.isEmpty { return ParsedValue(value: try number(compact)) }

    let kinds = Set(separators)
    if kinds.count == 2 {
      // "1.234,5" or "1,234.5": the last separator is the decimal mark, it occurs once, the other groups.
      guard let last = separators.last, separators.filter({ $0 == last }).count == 1,
        groups.dropFirst().dropLast().allSatisfy({ $0.count == 3 })
      else { throw MalformedFigure(text: original, reason: "mixed separators that group nothing") }
      let integer = groups.dropLast().joined()
      return ParsedValue(value: try number(integer + "." + groups.last!))
    }

    let separator = separators.first!
    let tail = Array(groups.dropFirst())
    let allThrees = tail.allSatisfy { $0.count == 3 } && first.count <= 3
    if separator == "'" {
      guard allThrees else { throw MalformedFigure(text: original, reason: "apostrophes must group digits by three") }
      return ParsedValue(value: try number(groups.joined()))
    }
    if separators.count > 1 {
      if allThrees { return ParsedValue(value: try number(groups.joined())) }
      // Indian grouping: lakh and crore, "2,80,000".
      if let last = tail.last, last.count == 3, tail.dropLast().allSatisfy({ $0.count == 2 }), first.count <= 2 {
        return ParsedValue(value: try number(groups.joined()), notes: ["Indian digit grouping"])
      }
      throw MalformedFigure(text: original, reason: "digit groups of irregular length")
    }

    // One separator.
    let fraction = tail[0]
    if separator == decimalMark {
      if fraction.count == 3 && !scaled && kind != .percent && first.count <= 3 && first != "0" {
        // "3,500" in French copy: almost always a translated English thousands figure.
        return ParsedValue(value: try number(first + fraction), notes: ["'\(run)' read as thousands; '\(separator)' is also this language's decimal mark"])
      }
      if kind == .count && !scaled {
        throw MalformedFigure(text: original, reason: "a count with a decimal part")
      }
      return ParsedValue(value: try number(first + "." + fraction))
    }
    // The other separator: thousands when followed by three digits.
    if fraction.count == 3 && first.count <= 3 { return ParsedValue(value: try number(first + fraction)) }
    if separator == "." && !(kind == .count && !scaled) {
      // "3.5 millions" in French copy: an English decimal point.
      return ParsedValue(value: try number(first + "." + fraction), notes: ["'.' read as a decimal point"])
    }
    throw MalformedFigure(text: original, reason: "'\(separator)' is neither a decimal mark here nor followed by a group of three digits")
  }

  /// The value of a run of ASCII digits, spaces between them aside ("3500", "3 500"), as
  /// ``readGroups(_:original:kind:scaled:)`` reads it, but from its bytes: most figures are such runs, and
  /// the split into groups cost 9,900 instructions a figure in the 600-article profile. `nil` for any other
  /// run, and for one of more than ``maxSignificantDigits`` significant digits (whose error `readGroups`
  /// reports). An integer of at most fifteen significant digits is exact in a `Double` at every step of the sum.
  static func plainDigits(_ run: String) -> Double? {
    var value = 0.0
    var digits = 0
    var significant = 0
    for byte in run.utf8 {
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
  package func readWords(_ scanner: inout Scanner) -> Double? {
    var total = 0.0
    var current = 0.0
    var sawNumber = false
    var pendingArticle = false
    while true {
      var probe = scanner
      probe.skipSpaces()
      if probe.isAtEnd { break }
      if let value = probe.consumeLongest(from: tables.numberWords) {
        current += value
        sawNumber = true
      } else if let value = probe.consumeLongest(from: tables.multipliers) {
        let base = current == 0 ? (pendingArticle || !sawNumber ? 1 : 0) : current
        if value >= 1000 {
          total += max(base, 1) * value
          current = 0
        } else {
          current = max(base, 1) * value
        }
        sawNumber = true
      } else if sawNumber || pendingArticle, let scale = probe.peekLongest(from: tables.scales), scale >= 1_000_000 {
        // "deux millions": leave the scale to the caller, which multiplies the whole figure.
        _ = scale
        break
      } else if !sawNumber, let _ = probe.consumeLongest(from: tables.articleWords) {
        pendingArticle = true
        current = 1
      } else if sawNumber, let _ = probe.consumeLongest(from: tables.conjunctionWords) {
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

/// A cursor over normalised text.
package struct Scanner {
  private let characters: [Character]
  private(set) var index = 0

  package init(_ text: String) { characters = Array(text) }

  package var isAtEnd: Bool { index >= characters.count }
  package var peek: Character? { isAtEnd ? nil : characters[index] }
  package var rest: String { String(characters[min(index, characters.count)...]) }

  /// The text between `start` and the cursor.
  package func text(from start: Int) -> String { String(characters[min(start, characters.count)..<min(index, characters.count)]) }

  package mutating func advance(_ count: Int) { index = min(characters.count, index + count) }

  package mutating func skipSpaces() {
    while let c = peek, c == " " || c == "*" || c == "_" { index += 1 }
  }

  /// Whether the characters at the cursor are `prefix`'s, compared one by one: ``longest(in:)`` asks this of
  /// every key of a lexicon table, and two arrays made per key were a fifth of normalisation (issue 15:
  /// 852 → 655 instructions per input byte on 300 generated articles).
  package func hasPrefix(_ prefix: String) -> Bool {
    var i = index
    for character in prefix {
      guard i < characters.count, characters[i] == character else { return false }
      i += 1
    }
    return true
  }

  /// Digits with the separators a figure may contain.
  package mutating func consumeDigitRun() -> String {
    var run = ""
    while let c = peek {
      if c.isNumber {
        run.append(c)
        index += 1
      } else if c == "." || c == "," || c == "'" || c == " ", index + 1 < characters.count, characters[index + 1].isNumber {
        run.append(c)
        index += 1
      } else {
        break
      }
    }
    return run
  }

  /// Skips one word that links a figure to its currency (« de », "of " with its space, « d' » glued to the
  /// currency), if one is at the cursor.
  package mutating func skipCurrencyLink(_ links: [String]) {
    for link in links {
      let written = link.hasSuffix("'") ? link : link + " "
      if hasPrefix(written) {
        advance(written.count)
        return
      }
    }
  }

  /// The value of the longest table key at the cursor that ends at a word boundary; advances past it.
  package mutating func consumeLongest<V>(from table: [String: V]) -> V? {
    guard let (key, value) = longest(in: table) else { return nil }
    index += key.count
    return value
  }

  package func peekLongest<V>(from table: [String: V]) -> V? { longest(in: table)?.1 }

  private func longest<V>(in table: [String: V]) -> (String, V)? {
    guard index < characters.count else { return nil }
    // A key whose first byte is ASCII and differs from the cursor's ASCII first byte cannot be at the cursor
    // (no other character is canonically equivalent to one that starts with a different ASCII scalar): most
    // keys are skipped on one byte instead of being compared character by character.
    let here = characters[index].utf8.first!
    var best: (String, V)?
    for (key, value) in table {
      guard let first = key.utf8.first, first == here || first >= 0x80 || here >= 0x80, hasPrefix(key) else { continue }
      let end = index + key.count
      let keyEndsInLetter = key.last?.isLetter ?? false
      if keyEndsInLetter, end < characters.count, characters[end].isLetter { continue }
      if best == nil || key.count > best!.0.count { best = (key, value) }
    }
    return best
  }
}

import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// Reads figures from Markdown tables, where a row names what is measured and a column when:
///
/// ```
/// | (M€)             | 2024 | 2023 | Variation |
/// |------------------|------|------|-----------|
/// | Résultat net     | 312  | 205  | +52 %     |
/// ```
///
/// A row counts when its first cell contains one of the lexicon's `table_rows` labels ("résultat net" →
/// `net_income`); a column counts when its header names a year or a quarter. The unit in the row label
/// or the header ("(Md€)", "(M€)", "(millions d'euros)") scales money cells. Columns of changes ("+52 %")
/// are left alone: they relate two columns the reader already has.
package struct TableReader {
  package let tables: LexiconTables
  package let attributes: [String: AttributeDefinition]

  /// One figure read from a cell.
  package struct Cell {
    package let attribute: String
    package let value: Double
    package let unit: String?
    package let period: Period
    package let range: Range<Int>
    package let row: Range<Int>
  }

  /// Every figure of every table in the article's body.
  package func cells(in article: Article) -> [Cell] {
    guard !tables.tableRows.isEmpty else { return [] }
    let bytes = article.bytes
    var lines: [Range<Int>] = []
    var start = article.bodyRange.lowerBound
    for i in article.bodyRange where bytes[i] == 0x0A {
      lines.append(start..<i)
      start = i + 1
    }
    if start < article.bodyRange.upperBound { lines.append(start..<article.bodyRange.upperBound) }
    var result: [Cell] = []
    var index = 0
    while index + 1 < lines.count {
      // A table: a header row, then a separator row of dashes.
      guard isRow(lines[index], bytes), isSeparator(lines[index + 1], bytes) else {
        index += 1
        continue
      }
      let header = cells(of: lines[index], bytes)
      let headerTexts = header.map { article.text(of: $0) }
      let periods = headerTexts.map { column(period: $0) }
      let headerUnit = unit(in: headerTexts.first ?? "")
      var row = index + 2
      while row < lines.count, isRow(lines[row], bytes) {
        let rowCells = cells(of: lines[row], bytes)
        if let label = rowCells.first, let attribute = attribute(for: article.text(of: label)) {
          let labelUnit = unit(in: article.text(of: label)) ?? headerUnit
          for (column, cell) in rowCells.enumerated().dropFirst() where column < periods.count {
            guard let period = periods[column], let figure = read(article.text(of: cell), attribute: attribute, unit: labelUnit) else { continue }
            let trimmed = trim(cell, bytes)
            result.append(Cell(attribute: attribute, value: figure.value, unit: figure.unit, period: period, range: trimmed, row: lines[row]))
          }
        }
        row += 1
      }
      index = row
    }
    return result
  }

  // MARK: - Rows, cells, labels

  private func isRow(_ line: Range<Int>, _ bytes: [UInt8]) -> Bool {
    let trimmed = trim(line, bytes)
    return !trimmed.isEmpty && bytes[trimmed.lowerBound] == UInt8(ascii: "|") && bytes[trimmed.upperBound - 1] == UInt8(ascii: "|")
  }

  private func isSeparator(_ line: Range<Int>, _ bytes: [UInt8]) -> Bool {
    let trimmed = trim(line, bytes)
    guard isRow(line, bytes), trimmed.contains(where: { bytes[$0] == UInt8(ascii: "-") }) else { return false }
    return trimmed.allSatisfy { [UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: " ")].contains(bytes[$0]) }
  }

  /// Cell ranges of a row, between its pipes.
  private func cells(of line: Range<Int>, _ bytes: [UInt8]) -> [Range<Int>] {
    let trimmed = trim(line, bytes)
    var cells: [Range<Int>] = []
    var start = trimmed.lowerBound + 1
    for i in (trimmed.lowerBound + 1)..<trimmed.upperBound where bytes[i] == UInt8(ascii: "|") {
      cells.append(start..<i)
      start = i + 1
    }
    return cells
  }

  private func trim(_ range: Range<Int>, _ bytes: [UInt8]) -> Range<Int> {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 || bytes[low] == 0x0D { low += 1 }
    while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 || bytes[high - 1] == 0x0D { high -= 1 }
    return low..<high
  }

  /// The attribute of a row label: the longest lexicon label it contains.
  private func attribute(for label: String) -> String? {
    let key = TextNormalisation.key(label)
    let match = tables.tableRows.filter { key.contains($0.key) }.max { $0.key.count < $1.key.count }
    guard let attribute = match?.value, attributes[attribute] != nil else { return nil }
    return attribute
  }

  /// The period a column header names: a year ("2024", "exercice 2024") or a quarter ("T3 2024").
  private func column(period header: String) -> Period? {
    guard header.contains(where: \.isNumber), !header.contains("%") else { return nil }
    guard let stated = QualifierReader(tables: tables).period(header)?.period else {
      let years = header.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (1900...2099).contains($0) }
      return years.count == 1 ? .year(years[0]) : nil
    }
    switch stated {
    case .year, .quarter: return stated
    default: return nil
    }
  }

  /// A currency and scale named in a label: "(Md€)", "(M€)", "(millions d'euros)", "($bn)".
  private func unit(in label: String) -> (scale: Double, currency: String?)? {
    guard let open = label.firstIndex(of: "("), let close = label[open...].firstIndex(of: ")") else { return nil }
    let inside = TextNormalisation.key(label[label.index(after: open)..<close])
    let words = tables.figureWords
    var scanner = FigureScanner(inside)
    var currency = scanner.consumeLongest(from: words.currencies)
    scanner.skipSpaces()
    let scale = scanner.consumeLongest(from: words.scales)
    scanner.skipSpaces()
    scanner.skipCurrencyLink(words.currencyLinks)
    scanner.skipSpaces()
    if currency == nil { currency = scanner.consumeLongest(from: words.currencies) }
    guard scale != nil || currency != nil else { return nil }
    return (scale ?? 1, currency)
  }

  /// A cell's figure, scaled by the row's or header's unit.
  private func read(_ text: String, attribute: String, unit: (scale: Double, currency: String?)?) -> (value: Double, unit: String?)? {
    let cleaned = text.trimmingWhitespace()
    guard let first = cleaned.first, first.isNumber || first == "-" || first == "−",
      let kind = attributes[attribute]?.kind,
      let parsed = try? NumberReader(tables: tables).read(cleaned, kind: kind)
    else { return nil }
    if kind == .money { return (parsed.value * (unit?.scale ?? 1), parsed.unit ?? unit?.currency) }
    return (parsed.value, parsed.unit ?? attributes[attribute]?.unit)
  }
}

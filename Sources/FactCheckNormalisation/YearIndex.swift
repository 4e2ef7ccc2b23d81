import FactCheckExtraction
import FactCheckModel
import FactCheckRules
import PatternMatching

/// The years an article names, in text order, so that "the latest year named in this paragraph, else
/// before it" costs a binary search and a table lookup per claim instead of a rescan of the article
/// (which made a long single-file article quadratic).
package struct YearIndex {
  /// Byte ranges of the `{when}` expressions that name a year, in text order.
  private let ranges: [Range<Int>]
  /// `table[level][i]`: the latest year named by `ranges[i ..< i + 2^level]` (a sparse table for range
  /// maxima; `table[0]` holds each expression's year).
  private let table: [[Int]]
  /// Offsets where a paragraph starts (after a blank line), in order.
  package let paragraphStarts: [Int]

  /// Indexes the years `article`'s body names, none later than its publication nor more than
  /// ``oldestReportingYear`` years before it (a founding year is no reporting year).
  package init(article: Article, when pattern: SearchPattern, search: PatternSearch, matcher: Matcher, qualifiers: QualifierReader) {
    var ranges: [Range<Int>] = []
    var years: [Int] = []
    let reporting = YearIndex.reportingYears(publishedIn: article.published?.year)
    try? search.forEachMatch(of: pattern, in: article.bodyRange, matcher: matcher) { match in
      if case .year(let year)? = qualifiers.period(article.text(of: match.range))?.period, reporting.contains(year) {
        ranges.append(match.range)
        years.append(year)
      }
      return true
    }
    var table = [years]
    var width = 1
    while width * 2 <= years.count {
      let previous = table[table.count - 1]
      table.append((0...(years.count - width * 2)).map { max(previous[$0], previous[$0 + width]) })
      width *= 2
    }
    self.ranges = ranges
    self.table = table

    var starts: [Int] = []
    let bytes = article.subject.bytes
    var i = article.bodyRange.lowerBound + 2
    while i <= article.bodyRange.upperBound {
      // "\n\n" or "\n\r\n": a blank line.
      if bytes[i - 1] == 0x0A && (bytes[i - 2] == 0x0A || (bytes[i - 2] == 0x0D && i >= 3 && bytes[i - 3] == 0x0A)) { starts.append(i) }
      i += 1
    }
    paragraphStarts = starts
  }

  /// How many years before publication a figure with no period of its own may still be about.
  package static let oldestReportingYear = 2

  /// The years a revenue or profit figure of an article published in `year` can be about.
  package static func reportingYears(publishedIn year: Int?) -> ClosedRange<Int> {
    guard let year else { return Int.min...Int.max }
    return (year - oldestReportingYear)...year
  }

  /// Where the paragraph containing `offset` starts.
  package func paragraphStart(before offset: Int, bodyStart: Int) -> Int {
    let index = paragraphStarts.partitionPoint { $0 > offset }
    return index == 0 ? bodyStart : max(bodyStart, paragraphStarts[index - 1])
  }

  /// The latest year named by an expression lying wholly in `range`.
  package func latest(in range: Range<Int>) -> Int? {
    let first = ranges.partitionPoint { $0.lowerBound >= range.lowerBound }
    var end = ranges.partitionPoint { $0.lowerBound >= range.upperBound }
    // Expressions do not overlap, so only the last one can run past the end of `range`.
    if end > first && ranges[end - 1].upperBound > range.upperBound { end -= 1 }
    guard end > first else { return nil }
    var level = 0
    while 1 << (level + 1) <= end - first { level += 1 }
    return max(table[level][first], table[level][end - (1 << level)])
  }
}

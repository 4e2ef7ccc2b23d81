import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// A short quote around a figure, cut at word boundaries: what ClaimReview's `claimReviewed` (at most 75
/// characters) and the HTML report's quotes show.
package enum QuoteExcerpt {
  /// At most `limit` characters of `sentence` around the first occurrence of `figure` (the whole sentence
  /// when it fits), cut between words, with `…` where text was left out. The figure is never cut.
  package static func around(_ figure: String, in sentence: String, limit: Int) -> String {
    let text = sentence.split(whereSeparator: \.isNewline).joined(separator: " ")
    guard text.count > limit else { return text }
    let characters = Array(text)
    let figureCharacters = Array(figure)
    var start = 0
    if !figureCharacters.isEmpty, let range = text.range(of: figure) {
      start = text.distance(from: text.startIndex, to: range.lowerBound)
    }
    let figureRange = start..<min(characters.count, start + figureCharacters.count)
    var kept = window(characters, figure: figureRange, limit: limit) { $0 == " " }
    // The window keeps the figure's words whole; when they alone overflow, context is cut inside them,
    // a character at a time around the figure, which stays whole even if it alone is longer than `limit`.
    if kept.count + ellipses(kept, characters.count) > limit {
      kept = figureRange
      var growLeft = true
      var stuck = 0
      while stuck < 2 {
        let candidate = growLeft ? (kept.lowerBound - 1)..<kept.upperBound : kept.lowerBound..<(kept.upperBound + 1)
        if candidate.lowerBound >= 0 && candidate.upperBound <= characters.count
          && candidate.count + ellipses(candidate, characters.count) <= limit {
          kept = candidate
          stuck = 0
        } else {
          stuck += 1
        }
        growLeft.toggle()
      }
    }
    let excerpt = String(characters[kept]).trimmingCharacters(in: " ")
    return (kept.lowerBound > 0 ? "…" : "") + excerpt + (kept.upperBound < characters.count ? "…" : "")
  }

  /// How many `…` a quote of `kept` out of `count` items needs: one for each end that is cut.
  private static func ellipses(_ kept: Range<Int>, _ count: Int) -> Int {
    (kept.lowerBound > 0 ? 1 : 0) + (kept.upperBound < count ? 1 : 0)
  }

  /// The stretch of `items` to quote around `figure`: the figure's own words whole, then a word at a time,
  /// alternately to the left and to the right, while the stretch and the `…` marking each cut end fit in
  /// `limit` items. Whole when everything fits.
  ///
  /// Generic so that a quote can be cut in characters (ClaimReview counts characters) or in Unicode scalars
  /// (the HTML report places the figure by its column, which counts scalars).
  package static func window<Item>(_ items: [Item], figure: Range<Int>, limit: Int, isSpace: (Item) -> Bool) -> Range<Int> {
    guard items.count > limit else { return 0..<items.count }
    var low = min(max(0, figure.lowerBound), items.count)
    var high = min(max(low, figure.upperBound), items.count)
    func wordBefore(_ index: Int) -> Int {
      var i = index
      while i > 0 && isSpace(items[i - 1]) { i -= 1 }
      while i > 0 && !isSpace(items[i - 1]) { i -= 1 }
      return i
    }
    func wordAfter(_ index: Int) -> Int {
      var i = index
      while i < items.count && isSpace(items[i]) { i += 1 }
      while i < items.count && !isSpace(items[i]) { i += 1 }
      return i
    }
    // The figure's own words, whole.
    while low > 0 && !isSpace(items[low - 1]) { low -= 1 }
    while high < items.count && !isSpace(items[high]) { high += 1 }
    var growLeft = true
    var stuck = 0
    while stuck < 2 {
      let candidateLow = growLeft ? wordBefore(low) : low
      let candidateHigh = growLeft ? high : wordAfter(high)
      let extraEllipses = (candidateLow > 0 ? 1 : 0) + (candidateHigh < items.count ? 1 : 0)
      if (candidateLow != low || candidateHigh != high) && candidateHigh - candidateLow + extraEllipses <= limit {
        low = candidateLow
        high = candidateHigh
        stuck = 0
      } else {
        stuck += 1
      }
      growLeft.toggle()
    }
    return low..<high
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
  }
}

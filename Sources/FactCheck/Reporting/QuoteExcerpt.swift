/// A short quote around a figure, cut at word boundaries: what ClaimReview's `claimReviewed` (at most 75
/// characters) and the HTML report's quotes show.
enum QuoteExcerpt {
  /// At most `limit` characters of `sentence` around the first occurrence of `figure` (the whole sentence
  /// when it fits), cut between words, with `…` where text was left out. The figure is never cut.
  static func around(_ figure: String, in sentence: String, limit: Int) -> String {
    let text = sentence.split(whereSeparator: \.isNewline).joined(separator: " ")
    guard text.count > limit else { return text }
    let characters = Array(text)
    let figureCharacters = Array(figure)
    var start = 0
    if !figureCharacters.isEmpty, let range = text.range(of: figure) {
      start = text.distance(from: text.startIndex, to: range.lowerBound)
    }
    var low = start
    var high = min(characters.count, start + figureCharacters.count)
    // Grow a word at a time, alternately to the left and to the right, while it fits (two `…` reserved).
    func wordBefore(_ index: Int) -> Int {
      var i = index
      while i > 0 && characters[i - 1] == " " { i -= 1 }
      while i > 0 && characters[i - 1] != " " { i -= 1 }
      return i
    }
    func wordAfter(_ index: Int) -> Int {
      var i = index
      while i < characters.count && characters[i] == " " { i += 1 }
      while i < characters.count && characters[i] != " " { i += 1 }
      return i
    }
    // The figure's own words, whole.
    while low > 0 && characters[low - 1] != " " { low -= 1 }
    while high < characters.count && characters[high] != " " { high += 1 }
    var growLeft = true
    var stuck = 0
    while stuck < 2 {
      let candidateLow = growLeft ? wordBefore(low) : low
      let candidateHigh = growLeft ? high : wordAfter(high)
      let extraEllipses = (candidateLow > 0 ? 1 : 0) + (candidateHigh < characters.count ? 1 : 0)
      if (candidateLow != low || candidateHigh != high) && candidateHigh - candidateLow + extraEllipses <= limit {
        low = candidateLow
        high = candidateHigh
        stuck = 0
      } else {
        stuck += 1
      }
      growLeft.toggle()
    }
    var excerpt = String(characters[low..<high]).trimmingCharacters(in: " ")
    if excerpt.count > limit - 2 { excerpt = String(excerpt.prefix(limit - 2)) }
    return (low > 0 ? "…" : "") + excerpt + (high < characters.count ? "…" : "")
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
  }
}

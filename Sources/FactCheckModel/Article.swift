import PatternMatching

/// An article ready for extraction: its text as valid UTF-8, its metadata and its line index.
///
/// ``FactChecker/check(paths:)`` reads articles from files itself (front matter, language detection,
/// encoding repair); build one yourself to check text that is not in a file — a CMS draft, a feed item —
/// with ``FactChecker/check(articles:)``.
public struct Article: Sendable {
  /// The path, as given or as found under a given directory.
  public let path: String
  /// Language code (`fr`, `en`), from front matter or detection.
  public var language: String
  /// Whether ``language`` is only the fallback: detection found too few function words to tell (a
  /// one-line article). Extraction then tries every language.
  public var languageIsGuessed = false
  /// Publication date, when known.
  public var published: Day?
  /// Where ``published`` came from: `front-matter`, `option` or `dateline`.
  public var publishedSource: String?
  /// Title from front matter.
  public var title: String?
  /// Outlet from front matter.
  public var source: String?
  /// The article's public address, from front matter (`url`, `link`, `canonical`).
  public var url: String?
  /// The article's author, from front matter (`author`, `byline`).
  public var author: String?
  /// The whole text, front matter included, so that positions are those of the file.
  public let text: String
  /// Byte range of the body (after the front matter).
  public let bodyRange: Range<Int>
  /// Problems met while reading (invalid UTF-8 repaired, front matter unreadable).
  public var warnings: [String]
  /// UTF-8 bytes, validated once.
  package let subject: UTF8Subject
  /// The bytes rules run on: the same text with Markdown emphasis markers (`**4,000**`, `_Klarna_`)
  /// blanked to spaces, so byte offsets, lines and columns are those of the file.
  package let matchSubject: UTF8Subject
  /// Line index of the text.
  package let lines: LineIndex
  /// The text's bytes as its claims quote them (shared storage, not a copy).
  package let claimText: ClaimText

  /// Creates an article from text that is already valid UTF-8 (a Swift `String`).
  ///
  /// The text is taken as it is: front matter is not read here (pass what it says as arguments), and the
  /// language is not detected, since the caller of an in-memory check usually knows both.
  ///
  /// - Parameters:
  ///   - path: A name for the article in claims and reports; it need not exist.
  ///   - text: The whole text. Claims' positions are positions in it.
  ///   - language: The language to check it in (`en`, `fr`): rules of other languages do not run on it.
  ///   - published: The publication date, which resolves "last year" and dates the article's current
  ///     figures; `nil` when unknown.
  ///   - publishedSource: Where `published` came from, as reports show it; `given` when a date is passed
  ///     without one.
  ///   - title: The title, for reports.
  ///   - source: The outlet, for reports.
  ///   - bodyRange: The UTF-8 byte range of the body when `text` starts with a header the rules should not
  ///     read; `nil` for the whole text.
  ///   - warnings: Problems met while getting the text, shown with the article's diagnostics.
  public init(path: String, text: String, language: String, published: Day? = nil, publishedSource: String? = nil,
              title: String? = nil, source: String? = nil, bodyRange: Range<Int>? = nil, warnings: [String] = []) {
    self.path = path
    self.text = text
    self.subject = UTF8Subject(text)
    self.matchSubject = Article.blankingEmphasis(subject)
    self.lines = LineIndex(subject.bytes)
    self.claimText = ClaimText(bytes: subject.bytes, document: path)
    self.language = language
    self.published = published
    self.publishedSource = published == nil ? nil : (publishedSource ?? "given")
    self.title = title
    self.source = source
    self.bodyRange = bodyRange ?? 0..<subject.bytes.count
    self.warnings = warnings
  }

  /// The line and column of a byte offset, as claims and reports give them.
  ///
  /// - Parameter offset: A UTF-8 byte offset into ``text``, such as a bound of ``Claim/valueRange``.
  /// - Returns: The 1-based line and column (in Unicode scalars) in this article.
  public func location(of offset: Int) -> SourceLocation {
    let position = lines.position(of: offset)
    return SourceLocation(path: path, line: position.line, column: position.column)
  }

  /// The text of a byte range, such as a claim's ``Claim/valueRange``.
  ///
  /// - Parameter range: A UTF-8 byte range into ``text``; clamped to the text, so a stale range cannot trap.
  /// - Returns: The text of the range; a character the range cuts in two becomes U+FFFD.
  public func text(of range: Range<Int>) -> String {
    String(decoding: subject.bytes[range.clamped(to: 0..<subject.bytes.count)], as: UTF8.self)
  }

  /// `range` without the spacing at its ends: ASCII spacing and any other Unicode whitespace (a no-break
  /// space), clamped to the text.
  package func trimmedRange(of range: Range<Int>) -> Range<Int> {
    let bytes = subject.bytes
    let clamped = range.clamped(to: 0..<bytes.count)
    var start = clamped.lowerBound
    var end = clamped.upperBound
    // ASCII answered on the byte; other whitespace by decoding the scalar (a Unicode property look-up).
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    func whitespaceScalar(from first: Int, limit: Int) -> Int? {
      var iterator = bytes[first..<limit].makeIterator()
      var decoder = UTF8()
      guard case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.properties.isWhitespace else { return nil }
      return UTF8.width(scalar)
    }
    while start < end {
      if bytes[start] < 0x80 {
        guard isSpace(bytes[start]) else { break }
        start += 1
      } else {
        guard let width = whitespaceScalar(from: start, limit: end) else { break }
        start += width
      }
    }
    while end > start {
      if bytes[end - 1] < 0x80 {
        guard isSpace(bytes[end - 1]) else { break }
        end -= 1
      } else {
        var first = end - 1
        while first > start && bytes[first] & 0xC0 == 0x80 { first -= 1 }
        guard let width = whitespaceScalar(from: first, limit: end), first + width == end else { break }
        end = first
      }
    }
    return start..<end
  }

  /// The line containing byte `offset`, clipped to about `reach` bytes on each side, and the 1-based
  /// column of `offset` within that excerpt.
  package func lineExcerpt(around offset: Int, reach: Int = 240) -> (text: String, column: Int) {
    let excerpt = lineExcerptRange(around: offset, reach: reach)
    return (String(decoding: subject.bytes[excerpt.range], as: UTF8.self), excerpt.column)
  }

  /// The byte range of ``lineExcerpt(around:reach:)``'s text, and the column of `offset` within it.
  package func lineExcerptRange(around offset: Int, reach: Int = 240) -> (range: Range<Int>, column: Int) {
    let bytes = subject.bytes
    let line = lines.byteRange(ofLine: lines.line(of: offset))
    var start = max(line.lowerBound, offset - reach)
    var end = min(line.upperBound, offset + reach)
    while start > line.lowerBound && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    while end < line.upperBound && bytes[end] & 0xC0 == 0x80 { end += 1 }
    let column = bytes[start..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    return (start..<end, column)
  }

  /// 1 for the bytes that can start a mark ``blankingEmphasis(_:)`` blanks: `*`, `"`, `_`, and the lead
  /// bytes of « » (0xC2) and of the curly quotes (0xE2).
  private static let opensMark: [UInt8] = (0..<256).map { [0x2A, 0x22, 0x5F, 0xC2, 0xE2].contains($0) ? 1 : 0 }

  /// `*` always, and `_` next to a space or punctuation (not inside an identifier), become spaces; so do
  /// double quotation marks of every typography (`"`, `“ ” „`, `« »`, `‹ ›`), which copy puts around a
  /// figure or inside a phrase ("plans to shed “nearly 8%” of its staff") but which never change what
  /// it says. Each byte becomes a space, so the text stays valid UTF-8 and every offset is unchanged.
  /// Apostrophes and single quotes are kept: rules read them (*l’entreprise*, *company’s*).
  ///
  /// Run on every article, so the bytes are read through a pointer and the copy is made at the first byte
  /// blanked (an array written byte by byte checked its uniqueness at each write).
  package static func blankingEmphasis(_ subject: UTF8Subject) -> UTF8Subject {
    // A table of the five bytes read at every byte: five comparisons a byte cost 12.7 instructions a byte
    // of the bench's corpus.
    let bytes = subject.bytes
    var blanked: [UInt8]? = nil
    bytes.withUnsafeBufferPointer { original in
    Article.opensMark.withUnsafeBufferPointer { opensMark in
      let count = original.count
      func isWordByte(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }
      func blank(_ range: Range<Int>) {
        if blanked == nil { blanked = bytes }
        for k in range { blanked![k] = 0x20 }
      }
      var i = 0
      while i < count {
        let b = original[i]
        // Most bytes are none of the five that can start a blanked mark.
        guard opensMark[Int(b)] != 0 else {
          i &+= 1
          continue
        }
        switch b {
        case UInt8(ascii: "*"), UInt8(ascii: "\""):
          blank(i..<(i + 1))
        case UInt8(ascii: "_"):
          let before = i > 0 ? original[i - 1] : 0x20
          let after = i + 1 < count ? original[i + 1] : 0x20
          if !(isWordByte(before) && isWordByte(after)) { blank(i..<(i + 1)) }
        case 0xC2 where i + 1 < count && (original[i + 1] == 0xAB || original[i + 1] == 0xBB):  // « »
          blank(i..<(i + 2))
          i += 1
        case 0xE2 where i + 2 < count && original[i + 1] == 0x80
          && (original[i + 2] &- 0x9C < 3 || original[i + 2] == 0xB9 || original[i + 2] == 0xBA):  // “ ” „ ‹ ›
          blank(i..<(i + 3))
          i += 2
        default: break
        }
        i += 1
      }
    }
    }
    guard let blanked else { return subject }
    return UTF8Subject(unchecked: blanked)
  }

  /// The raw UTF-8 bytes.
  package var bytes: [UInt8] { subject.bytes }
}

import Foundation

/// One line of `factcheck extract --stdin`: an article as a JSON object, `{"path": …, "text": …}` with an
/// optional `"published"` (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) and `"language"` (`fr`, `en`).
package struct StreamArticle: Sendable, Hashable, Decodable {
  /// The path (or URL) the article is reported under.
  package var path: String
  /// The whole text, front matter included.
  package var text: String
  /// Publication date for an article whose text states none.
  package var published: Day?
  /// Its language, instead of the detected one.
  package var language: String?

  /// Creates an input.
  package init(path: String, text: String, published: Day? = nil, language: String? = nil) {
    self.path = path
    self.text = text
    self.published = published
    self.language = language
  }

  /// Decodes one input line.
  ///
  /// - Parameters:
  ///   - line: The line's bytes, without its line break.
  ///   - path: Where the line comes from (`<stdin>`), for errors.
  ///   - number: Its 1-based line number, for errors.
  /// - Throws: ``ClaimStreamError`` naming the path, line and column of what is wrong.
  package static func decode(_ line: some Collection<UInt8>, path: String, number: Int) throws(ClaimStreamError) -> StreamArticle {
    var bytes = Array(line)
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    do {
      let article = try JSONDecoder().decode(StreamArticle.self, from: Data(bytes))
      guard !article.path.isEmpty else { throw ClaimStreamError(path: path, line: number, problem: .field("path", "must not be empty"), in: bytes) }
      return article
    } catch let error as ClaimStreamError {
      throw error
    } catch {
      throw ClaimStreamError(path: path, line: number, decoding: error, in: bytes)
    }
  }
}

import FactCheck
import FactCheckArchive
import Foundation

/// The body of `POST /v1/check` and `POST /v1/claims`:
/// `{"text": …, "language"?: "fr"|"en", "published"?: "YYYY-MM-DD", "title"?: …, "path"?: …, "add"?: bool}`.
struct CheckRequest: Decodable, Sendable {
  var text: String
  var language: String?
  var published: String?
  var title: String?
  var path: String?
  var add: Bool?

  /// The largest number of characters of a path (a name the reports show).
  static let maxPathLength = 512

  /// Decodes and validates a body: UTF-8, then JSON, then the fields.
  ///
  /// - Throws: ``APIError/badRequest(_:)`` naming what is wrong (the byte offset of invalid UTF-8, the JSON
  ///   error, the field).
  static func decode(_ bytes: [UInt8], languages: [String]) throws(APIError) -> (request: CheckRequest, draft: Draft) {
    if let offset = firstInvalidUTF8(bytes) {
      throw .badRequest("the request body is not valid UTF-8 (byte \(offset))")
    }
    let request: CheckRequest
    do {
      request = try JSONDecoder().decode(CheckRequest.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw .badRequest("invalid JSON: \(describe(error))")
    } catch {
      throw .badRequest("invalid JSON: \(error.localizedDescription)")
    }
    var published: Day?
    if let text = request.published {
      guard let day = Day(iso: text) else { throw .badRequest("'published' must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not '\(text)'") }
      published = day
    }
    if let language = request.language, !languages.contains(language) {
      throw .badRequest("'language' must be one of \(languages.joined(separator: ", ")), not '\(language)'")
    }
    let path = request.path ?? "draft.md"
    guard !path.isEmpty, path.count <= maxPathLength, !path.contains(where: { $0.isNewline || $0 == "\0" }) else {
      throw .badRequest("'path' must be a non-empty name of at most \(maxPathLength) characters on one line")
    }
    guard !request.text.unicodeScalars.contains("\0") else { throw .badRequest("'text' must not contain NUL characters") }
    let draft = Draft(path: path, text: request.text, language: request.language, published: published, title: request.title)
    return (request, draft)
  }

  /// The byte offset of the first invalid UTF-8 sequence, or `nil`.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// A decoding error in one line: what is wrong and where (the coding path).
  static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
      return keys.isEmpty ? "" : " at '\(keys.joined(separator: "."))'"
    }
    switch error {
    case .keyNotFound(let key, _): return "the field '\(key.stringValue)' is required"
    case .typeMismatch(let type, let context): return "expected \(type == String.self ? "a string" : type == Bool.self ? "true or false" : "\(type)")\(path(context))"
    case .valueNotFound(_, let context): return "a value is missing\(path(context))"
    case .dataCorrupted(let context):
      let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
      return (underlying ?? context.debugDescription) + path(context)
    @unknown default: return "\(error)"
    }
  }
}

/// Text known to be valid UTF-8, ready to be matched without PCRE2's per-call UTF check.
///
/// PCRE2 re-validates the whole subject on every `pcre2_match` call unless told not to, which costs a
/// third of the scan on short articles and grows quadratically on long ones. A `UTF8Subject` is validated
/// once, when it is made, and every match on it passes `PCRE2_NO_UTF_CHECK`.
package struct UTF8Subject: Sendable {
  /// The UTF-8 bytes.
  package let bytes: [UInt8]

  /// A subject from a Swift string, which is always valid UTF-8.
  package init(_ string: String) { self.bytes = Array(string.utf8) }

  /// A subject from raw bytes, validated once.
  ///
  /// - Throws: ``PatternError/invalidUTF8(offset:message:)`` at the first invalid byte.
  package init(validating bytes: [UInt8]) throws(PatternError) {
    if let offset = UTF8Subject.firstInvalidOffset(in: bytes) {
      throw .invalidUTF8(offset: offset, message: "malformed UTF-8 sequence")
    }
    self.bytes = bytes
  }

  /// A subject from bytes the caller derived from valid UTF-8 without breaking it (replacing ASCII
  /// bytes with ASCII bytes). Not validated again.
  package init(unchecked bytes: [UInt8]) { self.bytes = bytes }

  /// The byte offset of the first invalid UTF-8 sequence in `bytes`, or `nil` if they are valid.
  package static func firstInvalidOffset<C: Collection>(in bytes: C) -> Int? where C.Element == UInt8, C.Index == Int {
    // The standard library's validator is vectorised; walk the bytes only to locate a problem.
    if let contiguous = bytes as? [UInt8], String(validating: contiguous, as: UTF8.self) != nil { return nil }
    var offset = bytes.startIndex
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}

import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// Writes JSON straight into a UTF-8 byte buffer, value by value, laid out byte for byte as ``JSONValue`` lays out
/// the same document: two-space indentation, `": "` after keys, `[]` and `{}` for empty containers, and the same
/// numbers and string escapes (``appendNumber(_:to:)``, ``appendString(_:to:)``, which ``JSONValue`` uses too).
///
/// A large report written through a `JSONValue` tree holds the tree, its bytes and then a `String` of them at
/// once; written here it is only its bytes. The writer does not sort: the caller writes each object's keys in
/// the order `JSONValue` would, ascending by `String` `<` (debug builds check it).
package struct JSONWriter {
  /// The JSON written so far (not yet drained).
  package private(set) var bytes: [UInt8] = []
  private let pretty: Bool
  private let baseIndent: Int
  /// The open objects and arrays, innermost last.
  private var containers: [Container] = []
  /// A key was written and its value is next: the value needs no separator of its own.
  private var awaitingValue = false
  /// Where full buffers go (``drain(every:into:)``), and how full.
  private var drain: (([UInt8]) -> Void)?
  private var drainLimit = Int.max

  /// An open object or array.
  private struct Container {
    let isObject: Bool
    /// Whether it has a member or element yet, which decides the comma before the next one and whether it
    /// closes as `{}` / `[]` or on a line of its own.
    var hasItems = false
    #if DEBUG
    /// The last key written in it, to check that keys come sorted.
    var lastKey: String?
    #endif
  }

  /// Creates an empty writer.
  ///
  /// - Parameters:
  ///   - indent: The depth the document starts at, as ``JSONValue/serialized(indent:pretty:)`` takes it.
  ///   - pretty: Line breaks and indentation; `false` writes everything on one line.
  ///   - capacity: Bytes to reserve, for a caller that knows roughly how large the document will be.
  package init(indent: Int = 0, pretty: Bool = true, capacity: Int = 4096) {
    self.pretty = pretty
    self.baseIndent = indent
    bytes.reserveCapacity(capacity)
  }

  // MARK: Containers

  /// Opens an object; its members follow as ``key(_:)`` and a value each, keys ascending.
  package mutating func beginObject() {
    beginValue()
    bytes.append(UInt8(ascii: "{"))
    containers.append(Container(isObject: true))
  }

  /// Closes the innermost object.
  package mutating func endObject() { close(UInt8(ascii: "}")) }

  /// Opens an array; its elements follow as values.
  package mutating func beginArray() {
    beginValue()
    bytes.append(UInt8(ascii: "["))
    containers.append(Container(isObject: false))
  }

  /// Closes the innermost array.
  package mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Starts an object member: the key, then `:`; its value is the next thing written.
  ///
  /// `name` is a literal of ASCII letters, digits and underscores, written as it is: a report writes some
  /// twenty keys a claim, and escaping each (after copying it out of its small-string form) was about half of a
  /// key's 580 instructions on the bench's 16 MB corpus. A name made at run time goes through ``key(named:)``.
  package mutating func key(_ name: StaticString) {
    #if DEBUG
    let keyBytes = name.withUTF8Buffer { Array($0) }
    assert(keyBytes.allSatisfy { $0 == UInt8(ascii: "_") || UTF8Letters.isASCIILetterOrDigit($0) },
           "JSONWriter: key \(name) needs key(named:)")
    #endif
    beginMember(name.description)
    bytes.append(UInt8(ascii: "\""))
    bytes.append(name)
    bytes.append(pretty ? "\": " : "\":")
  }

  /// ``key(_:)`` for a name made at run time, escaped as any string is.
  package mutating func key(named name: String) {
    beginMember(name)
    JSONWriter.appendString(name, to: &bytes)
    bytes.append(pretty ? ": " : ":")
  }

  /// What comes before a member's key; `name` is only read by the order check of debug builds.
  private mutating func beginMember(_ name: @autoclosure () -> String) {
    precondition(containers.last?.isObject == true && !awaitingValue, "JSONWriter: key \(name()) outside an object or before a value")
    #if DEBUG
    let name = name()
    if let last = containers[containers.count - 1].lastKey {
      assert(last < name, "JSONWriter: key \(name) after \(last): keys must come sorted")
    }
    containers[containers.count - 1].lastKey = name
    #endif
    separate()
    awaitingValue = true
  }

  // MARK: Values

  /// `null`.
  package mutating func null() {
    beginValue()
    bytes.append("null")
  }

  /// `true` or `false`.
  package mutating func bool(_ value: Bool) {
    beginValue()
    bytes.append(value ? "true" : "false")
  }

  /// A string.
  package mutating func string(_ value: String) {
    beginValue()
    JSONWriter.appendString(value, to: &bytes)
  }

  /// A string, or `null` when absent (``JSONValue/optional(_:)``).
  package mutating func string(orNull value: String?) {
    if let value { string(value) } else { null() }
  }

  /// A number as ``JSONValue/number(_:)`` writes it, not finite ones included.
  package mutating func number(_ value: Double) {
    beginValue()
    JSONWriter.appendNumber(value, to: &bytes)
  }

  /// A number, or `null` when it is not finite (``JSONValue/finite(_:)``).
  package mutating func finite(_ value: Double) {
    if value.isFinite { number(value) } else { null() }
  }

  /// A whole number: the bytes `.number(Double(value))` gives, without the trip through `Double`.
  package mutating func integer(_ value: Int) {
    guard value.magnitude < 1_000_000_000_000_000 else { return number(Double(value)) }
    beginValue()
    JSONWriter.appendInteger(Int64(value), to: &bytes)
  }

  // MARK: Members

  /// A member whose value is a string.
  package mutating func member(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  /// A member whose value is a string or `null`.
  package mutating func member(_ name: StaticString, _ value: String?) {
    key(name)
    string(orNull: value)
  }

  /// A member whose value is a whole number.
  package mutating func member(_ name: StaticString, _ value: Int) {
    key(name)
    integer(value)
  }

  /// A member whose value is `true` or `false`.
  package mutating func member(_ name: StaticString, _ value: Bool) {
    key(name)
    bool(value)
  }

  /// A member whose value is a number, `null` when not finite.
  package mutating func member(_ name: StaticString, finite value: Double) {
    key(name)
    finite(value)
  }

  /// Ends the document's last line: a report file ends with a line break, which is no part of the JSON.
  package mutating func endLine() {
    precondition(containers.isEmpty, "JSONWriter: line ended inside an open container")
    bytes.append(0x0A)
  }

  // MARK: Draining

  /// Where the bytes go as they are written, for a document too large to hold whole (a report is several
  /// times the size of its articles): ``drainIfFull()`` hands them over once `limit` bytes are waiting, and
  /// empties the buffer. Without a drain the writer keeps everything in ``bytes``.
  package mutating func drain(every limit: Int, into drain: @escaping ([UInt8]) -> Void) {
    drainLimit = limit
    self.drain = drain
  }

  /// Hands the bytes written so far to the drain when at least its limit are waiting (call it between
  /// values: where it is called decides only how the document is cut, never what it says).
  package mutating func drainIfFull() {
    guard let drain, bytes.count >= drainLimit else { return }
    drain(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  /// Hands every byte still waiting to the drain.
  package mutating func drainAll() {
    guard let drain, !bytes.isEmpty else { return }
    drain(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  // MARK: Layout

  private mutating func close(_ bracket: UInt8) {
    precondition(!awaitingValue, "JSONWriter: container closed where a value was due")
    let closed = containers.removeLast()
    if closed.hasItems && pretty { newline(depth: baseIndent + containers.count) }
    bytes.append(bracket)
  }

  /// What goes before a value: nothing after a key or at the top level; in an array, the separator.
  private mutating func beginValue() {
    if awaitingValue {
      awaitingValue = false
    } else if let innermost = containers.last {
      precondition(!innermost.isObject, "JSONWriter: a value in an object without its key")
      separate()
    }
  }

  /// The comma after the previous item, if any, and the new item's line.
  private mutating func separate() {
    if containers[containers.count - 1].hasItems {
      bytes.append(UInt8(ascii: ","))
    } else {
      containers[containers.count - 1].hasItems = true
    }
    if pretty { newline(depth: baseIndent + containers.count) }
  }

  private mutating func newline(depth: Int) { JSONWriter.appendNewline(to: &bytes, depth: depth) }

  // MARK: Shared with JSONValue

  /// A line break and the indentation of `depth`.
  package static func appendNewline(to output: inout [UInt8], depth: Int) {
    precondition(depth >= 0, "a negative indentation")
    // Copied from a literal line: spaces appended as a repeated element cost about 100 instructions a line,
    // and a report has several lines a claim.
    indentedLine.withUTF8Buffer { line in
      let length = 1 + 2 * depth
      if length <= line.count {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: line[..<length]))
        return
      }
      output.append(0x0A)
      var left = 2 * depth
      while left > 0 {
        let part = min(left, line.count - 1)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: line[1..<(1 + part)]))
        left -= part
      }
    }
  }

  /// A line break and 64 spaces.
  private static var indentedLine: StaticString {
    "\n                                                                "
  }

  /// A number: whole ones below 10^15 as integers, others as Swift describes a `Double` (which is how a value
  /// that is not finite becomes `inf` or `nan`; callers that may have one write ``finite(_:)``).
  package static func appendNumber(_ n: Double, to output: inout [UInt8]) {
    if n == n.rounded() && abs(n) < 1e15 {
      appendInteger(Int64(n), to: &output)
    } else {
      var text = "\(n)"
      text.withUTF8 { output.append(contentsOf: $0) }
    }
  }

  /// The decimal digits of `value`, as `String(value)` spells them, written in place rather than through a
  /// `String`: a report has several whole numbers per claim.
  package static func appendInteger(_ value: Int64, to output: inout [UInt8]) {
    // Written backwards into a stack buffer, then copied at once.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var magnitude = value.magnitude
      var index = digits.count
      repeat {
        index -= 1
        digits[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      if value < 0 {
        index -= 1
        digits[index] = UInt8(ascii: "-")
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index...]))
    }
  }

  /// A JSON string: the bytes copied as they are, run by run, but for `"`, `\\`, control characters and
  /// U+2028/U+2029 (line breaks to JavaScript), which are escaped.
  package static func appendString(_ s: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { appendEscaped($0, to: &output) }
    output.append(UInt8(ascii: "\""))
  }

  private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    var runStart = 0
    var i = 0
    let raw = UnsafeRawPointer(bytes.baseAddress)
    while i < bytes.count {
      // Eight bytes at a time while none of them may need care: a byte at a time, this loop took eleven
      // instructions a byte, and a report is mostly quoted text.
      if let raw {
        while i &+ 8 <= bytes.count && !mayNeedCare(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i &+= 8 }
        guard i < bytes.count else { break }
      }
      let byte = bytes[i]
      // Nearly every byte is copied as it is: printable ASCII but `"` and `\\`, and every byte of a multi-byte
      // character but 0xE2, the lead byte of U+2028 and U+2029.
      if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
        i += 1
        continue
      }
      let lineSeparator = byte == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
      if byte == 0xE2 && !lineSeparator {
        i += 1
        continue
      }
      if i > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
      output.append(UInt8(ascii: "\\"))
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
      case 0x0A: output.append(UInt8(ascii: "n"))
      case 0x0D: output.append(UInt8(ascii: "r"))
      case 0x09: output.append(UInt8(ascii: "t"))
      case 0xE2: output.append(bytes[i + 2] == 0xA8 ? "u2028" : "u2029")
      default:
        // `\u` and four lowercase hex digits, as `String(byte, radix: 16)` padded with zeros writes them.
        output.append("u00")
        output.append(hexDigit(byte >> 4))
        output.append(hexDigit(byte & 0x0F))
      }
      i += lineSeparator ? 3 : 1
      runStart = i
    }
    if bytes.count > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
  }

  /// Whether any of the eight bytes of `word` is below 0x20, `"`, `\\` or 0xE2, the bytes
  /// ``appendEscaped(_:to:)`` must look at one by one: the word-at-a-time tests for a zero byte and for a byte
  /// below a bound, which are exact (a borrow starts only at a byte that passes).
  @inline(__always)
  private static func mayNeedCare(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
    let belowSpace = (word &- ones &* 0x20) & ~word & highs != 0
    return belowSpace || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) || hasZero(word ^ (ones &* 0xE2))
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10 }
}

extension [UInt8] {
  /// A literal's bytes.
  fileprivate mutating func append(_ text: StaticString) {
    // Through the buffer, not `utf8Start`: a literal of one character may be held as a scalar.
    text.withUTF8Buffer { append(contentsOf: $0) }
  }
}

/// Maps UTF-8 byte offsets of a text to 1-based lines and columns, built once per text.
///
/// `\n`, `\r\n` and a lone `\r` all end a line, so files from any platform get the line numbers an
/// editor shows. Columns count Unicode scalars from the start of the line.
package struct LineIndex: Sendable {
  /// Byte offset at which each line starts; `lineStarts[0] == 0`.
  package let lineStarts: [Int]
  private let bytes: [UInt8]
  /// Unicode scalars before every multiple of ``checkpointStride`` bytes, so that a column on a very long
  /// line (a 100 MB single-line file) costs at most one stride of counting, not the whole line.
  private let scalarCheckpoints: [Int]
  private static let checkpointStride = 4_096

  /// Indexes `bytes`.
  ///
  /// Built for every article, so both passes read eight bytes at a time: a word with no line break is
  /// skipped whole, and a stride's scalars are its bytes less its continuation bytes, counted with a mask
  /// and a population count (issue 15: the byte-at-a-time loops cost 20 instructions a byte).
  package init(_ bytes: [UInt8]) {
    var starts = [0]
    var checkpoints: [Int] = []
    checkpoints.reserveCapacity(bytes.count / LineIndex.checkpointStride + 1)
    let count = bytes.count
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var index = 0
      while index < count {
        if index &+ 8 <= count && !LineIndex.holdsLineBreak(LineIndex.word(base, at: index)) {
          index &+= 8
          continue
        }
        let byte = base[index]
        if byte == 0x0A {
          starts.append(index + 1)
        } else if byte == 0x0D {
          if index + 1 < count && base[index + 1] == 0x0A { index += 1 }
          starts.append(index + 1)
        }
        index += 1
      }
    }
    var scalars = 0
    var block = 0
    while block <= count {
      checkpoints.append(scalars)
      let end = min(block + LineIndex.checkpointStride, count)
      if block < end { scalars += LineIndex.scalars(bytes, in: block..<end) }
      block += LineIndex.checkpointStride
    }
    self.lineStarts = starts
    self.bytes = bytes
    self.scalarCheckpoints = checkpoints
  }

  /// Eight bytes from `offset`, the first in the lowest byte.
  @inline(__always)
  private static func word(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
  }

  /// Whether one of the eight bytes is `\n` or `\r` (the classic test for a zero byte, on the word
  /// xor'ed with each).
  @inline(__always)
  private static func holdsLineBreak(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let newline = word ^ (ones &* 0x0A)
    let carriage = word ^ (ones &* 0x0D)
    return ((newline &- ones) & ~newline | (carriage &- ones) & ~carriage) & highs != 0
  }

  /// Unicode scalars in `bytes[range]`: bytes that are not UTF-8 continuation bytes (`10xxxxxx`).
  private static func scalars(_ bytes: [UInt8], in range: Range<Int>) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress!
      var continuation = 0
      var index = range.lowerBound
      while index &+ 8 <= range.upperBound {
        let word = LineIndex.word(base, at: index)
        // Bit 7 set and bit 6 clear, for each byte: bit 6 shifted up to bit 7 stays inside its byte.
        continuation &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
        index &+= 8
      }
      while index < range.upperBound {
        if base[index] & 0xC0 == 0x80 { continuation &+= 1 }
        index &+= 1
      }
      return range.count - continuation
    }
  }

  /// Unicode scalars in `bytes[0..<offset]`.
  private func scalars(before offset: Int) -> Int {
    let block = offset / LineIndex.checkpointStride
    let start = block * LineIndex.checkpointStride
    return scalarCheckpoints[block] + (start < offset ? LineIndex.scalars(bytes, in: start..<offset) : 0)
  }

  /// Unicode scalars in `bytes[range]`: counted directly on a line no longer than a stride (a news
  /// article's every line), from the checkpoints on a longer one. Two counts from the checkpoints cost up
  /// to two strides of counting per location, 13,000 instructions a name for the spelling tally.
  private func scalars(in range: Range<Int>) -> Int {
    guard range.count <= LineIndex.checkpointStride else { return scalars(before: range.upperBound) - scalars(before: range.lowerBound) }
    return LineIndex.scalars(bytes, in: range)
  }

  /// Indexes the UTF-8 of `text`.
  package init(_ text: String) { self.init(Array(text.utf8)) }

  /// Number of lines (a text without a final line break still has its last line).
  package var lineCount: Int { lineStarts.count }

  /// The 1-based line containing byte `offset`.
  package func line(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  /// The 1-based line and column (in Unicode scalars) of byte `offset`.
  package func position(of offset: Int) -> (line: Int, column: Int) {
    let line = line(of: offset)
    let start = min(lineStarts[line - 1], bytes.count)
    let end = max(start, min(offset, bytes.count))
    return (line, scalars(in: start..<end) + 1)
  }

  /// The byte range of 1-based `line`, without its line terminator.
  package func byteRange(ofLine line: Int) -> Range<Int> {
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : bytes.count
    while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
    return start..<end
  }

  /// The text of 1-based `line`, without its line terminator.
  package func text(ofLine line: Int) -> String {
    String(decoding: bytes[byteRange(ofLine: line)], as: UTF8.self)
  }

  /// The byte offset of a 1-based line and column, the inverse of ``position(of:)``.
  package func offset(line: Int, column: Int) -> Int {
    let range = byteRange(ofLine: max(1, min(line, lineStarts.count)))
    var index = range.lowerBound
    var remaining = column - 1
    while remaining > 0 && index < range.upperBound {
      index += 1
      while index < range.upperBound && bytes[index] & 0xC0 == 0x80 { index += 1 }
      remaining -= 1
    }
    return index
  }
}

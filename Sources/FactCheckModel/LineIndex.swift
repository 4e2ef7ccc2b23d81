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
  package init(_ bytes: [UInt8]) {
    var starts = [0]
    var checkpoints: [Int] = []
    checkpoints.reserveCapacity(bytes.count / LineIndex.checkpointStride + 1)
    var index = 0
    let count = bytes.count
    bytes.withUnsafeBufferPointer { buffer in
      while index < count {
        let byte = buffer[index]
        if byte == 0x0A {
          starts.append(index + 1)
        } else if byte == 0x0D {
          if index + 1 < count && buffer[index + 1] == 0x0A { index += 1 }
          starts.append(index + 1)
        }
        index += 1
      }
      var scalars = 0
      for offset in 0...count {
        if offset % LineIndex.checkpointStride == 0 { checkpoints.append(scalars) }
        if offset < count && buffer[offset] & 0xC0 != 0x80 { scalars += 1 }
      }
    }
    self.lineStarts = starts
    self.bytes = bytes
    self.scalarCheckpoints = checkpoints
  }

  /// Unicode scalars in `bytes[0..<offset]`.
  private func scalars(before offset: Int) -> Int {
    let block = offset / LineIndex.checkpointStride
    var count = scalarCheckpoints[block]
    var index = block * LineIndex.checkpointStride
    while index < offset {
      if bytes[index] & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }

  /// Unicode scalars in `bytes[range]`: counted directly on a line no longer than a stride (a news
  /// article's every line), from the checkpoints on a longer one. Two counts from the checkpoints cost up
  /// to two strides of counting per location, 13,000 instructions a name for the spelling tally.
  private func scalars(in range: Range<Int>) -> Int {
    guard range.count <= LineIndex.checkpointStride else { return scalars(before: range.upperBound) - scalars(before: range.lowerBound) }
    return bytes.withUnsafeBufferPointer { buffer in
      var count = 0
      for index in range where buffer[index] & 0xC0 != 0x80 { count += 1 }
      return count
    }
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

/// How much of a streamed report (JSON, text) is made before it is handed over to be written.
package enum ReportChunk {
  /// 256 KB: a few hundred `write(2)` calls for the report of 5,000 articles, and a buffer small enough
  /// not to count in a run's peak. At 1 MB the buffer (with its quarter of room to spare) was the text
  /// report's peak, 1.3 MB on top of every claim and finding the run keeps (issue 15).
  package static let size = 1 << 18
}

/// What few claims have: a scope, notes, or a byte range that does not fit in 32 bits (an offset past 4 GiB in
/// an article held in memory, or a negative one in a claim made by hand).
///
/// A run keeps every claim until it is reconciled (issue 15: peak memory per claim kept). A scope and notes
/// were 24 bytes of every claim and the two byte ranges 32; one reference, `nil` for most claims, and the
/// ranges in 32 bits are 24. Immutable, so that a claim stays a value: changing one makes new extras.
final class ClaimExtras: Sendable {
  let scope: String?
  let notes: [String]
  let ranges: (value: Range<Int>, match: Range<Int>)?

  private init(scope: String?, notes: [String], ranges: (value: Range<Int>, match: Range<Int>)?) {
    self.scope = scope
    self.notes = notes
    self.ranges = ranges
  }

  /// Extras holding these, or `nil` when there is none to hold.
  static func holding(scope: String?, notes: [String], ranges: (value: Range<Int>, match: Range<Int>)?) -> ClaimExtras? {
    scope == nil && notes.isEmpty && ranges == nil ? nil : ClaimExtras(scope: scope, notes: notes, ranges: ranges)
  }
}

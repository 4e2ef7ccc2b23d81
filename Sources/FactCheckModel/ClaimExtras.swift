/// What few claims have: a scope, notes, a byte range that does not fit in 32 bits (an offset past 4 GiB in
/// an article held in memory, or a negative one in a claim made by hand), or an interval other than the one
/// its hedge gives its value.
///
/// A run keeps every claim until it is reconciled (issue 15: peak memory per claim kept). A scope and notes
/// were 24 bytes of every claim, the two byte ranges 32 and the interval 16; one reference, `nil` for most
/// claims, and the ranges in 32 bits are 24. Immutable, so that a claim stays a value: changing one makes new
/// extras.
final class ClaimExtras: Sendable {
  /// The fields, all absent by default.
  struct Values {
    var scope: String? = nil
    var notes: [String] = []
    var ranges: (value: Range<Int>, match: Range<Int>)? = nil
    var interval: ValueInterval? = nil

    var isEmpty: Bool { scope == nil && notes.isEmpty && ranges == nil && interval == nil }
  }

  let values: Values

  private init(_ values: Values) { self.values = values }

  var scope: String? { values.scope }
  var notes: [String] { values.notes }
  var ranges: (value: Range<Int>, match: Range<Int>)? { values.ranges }
  var interval: ValueInterval? { values.interval }

  /// Extras holding these, or `nil` when there is none to hold.
  static func holding(_ values: Values) -> ClaimExtras? { values.isEmpty ? nil : ClaimExtras(values) }
}

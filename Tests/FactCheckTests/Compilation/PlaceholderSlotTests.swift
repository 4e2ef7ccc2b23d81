import Testing

@testable import FactCheckModel
@testable import FactCheckRules

/// A placeholder slot keeps its fields behind one reference (issue 15: slots are copied for every claim), and
/// writes its own `==` and `hash(into:)`: two slots are equal when every field is, whichever objects hold them.
@Suite struct PlaceholderSlotTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let name: String
    let other: PlaceholderSlot
    let isEqual: Bool
    var testDescription: String { name }
  }

  static func slot(role: PlaceholderSlot.Role = .value(.count), name: String = "count", label: String? = "before",
                   group: String = "s0", sourceRange: Range<Int> = 4..<17) -> PlaceholderSlot {
    PlaceholderSlot(role: role, name: name, label: label, group: group, sourceRange: sourceRange)
  }

  static let rows: [Row] = [
    Row(name: "the same fields, built apart", other: slot(), isEqual: true),
    Row(name: "another role", other: slot(role: .value(.money)), isEqual: false),
    Row(name: "a fragment's role", other: slot(role: .fragment("count")), isEqual: false),
    Row(name: "another name", other: slot(name: "number"), isEqual: false),
    Row(name: "no label", other: slot(label: nil), isEqual: false),
    Row(name: "another label", other: slot(label: "after"), isEqual: false),
    Row(name: "another group", other: slot(group: "s1"), isEqual: false),
    Row(name: "another place", other: slot(sourceRange: 4..<18), isEqual: false),
  ]

  @Test(arguments: rows)
  func equalWhenEveryFieldIs(_ row: Row) {
    let slot = Self.slot()
    #expect((slot == row.other) == row.isEqual)
    #expect((row.other == slot) == row.isEqual)
    if row.isEqual { #expect(slot.hashValue == row.other.hashValue) }
    #expect(Set([slot, row.other]).count == (row.isEqual ? 1 : 2))
  }

  @Test func readsBackWhatItWasGiven() {
    let slot = Self.slot(role: .fragment("staff"), name: "staff", label: "scope", group: "s3", sourceRange: 9..<22)
    let copy = slot
    #expect(copy == slot)
    #expect(slot.role == .fragment("staff"))
    #expect((slot.name, slot.label, slot.group, slot.sourceRange) == ("staff", "scope", "s3", 9..<22))
  }
}

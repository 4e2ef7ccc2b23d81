import PatternMatching

/// A rule ready to run: its definition, its compiled PCRE2 pattern, its placeholder slots and its prefilter.
///
/// Immutable and `Sendable`: compiled once per process and shared by every extraction worker.
public struct CompiledRule: Sendable {
  /// The rule as written.
  package let definition: RuleDefinition
  /// The expanded PCRE2 pattern.
  package var expandedPattern: String { expansion.regex }
  /// The compiled pattern.
  let pattern: CompiledPattern
  /// Placeholder uses and their groups.
  let expansion: ExpandedPattern
  /// Group number of each slot, in slot order.
  let slotGroups: [Int]
  /// What a text must contain for the rule to possibly match.
  let prefilter: Prefilter

  /// The rule id.
  public var id: String { definition.id }

  /// Slots of a role, with their group numbers.
  func slots(where predicate: (PlaceholderSlot) -> Bool) -> [(slot: PlaceholderSlot, group: Int)] {
    zip(expansion.slots, slotGroups).filter { predicate($0.0) }.map { ($0.0, $0.1) }
  }
}

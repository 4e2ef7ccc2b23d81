import FactCheckModel
import PatternMatching

/// A rule ready to run: its definition, its compiled PCRE2 pattern, its placeholder slots and its prefilter.
///
/// Immutable and `Sendable`: compiled once per process and shared by every extraction worker. Only its id is
/// public, to find out whether a rule loaded (``CompiledRuleSet/rule(id:)``); what a rule matches is in its
/// YAML file and in the examples `factcheck test-rules` runs.
///
/// A class, not a struct: a rule is copied with every match it makes (each match carries its rule through
/// overlap resolution and normalisation), and copying the struct retained and released each of its
/// definition's strings and arrays, some twenty references a copy (issue 15: 2 % of a run's instructions).
/// Every property is a constant, so sharing one changes nothing a caller can see.
public final class CompiledRule: Sendable {
  /// The rule as written.
  package let definition: RuleDefinition
  /// The expanded PCRE2 pattern.
  package var expandedPattern: String { expansion.regex }
  /// The compiled pattern.
  package let pattern: CompiledPattern
  /// Placeholder uses and their groups.
  package let expansion: ExpandedPattern
  /// Group number of each slot, in slot order.
  package let slotGroups: [Int]
  /// What a text must contain for the rule to possibly match.
  package let prefilter: Prefilter
  /// Where a claim rule's match can open, when that says more than PCRE2's start information.
  package let starts: MatchStartTable?

  package init(definition: RuleDefinition, pattern: CompiledPattern, expansion: ExpandedPattern, slotGroups: [Int],
               prefilter: Prefilter, starts: MatchStartTable? = nil) {
    self.definition = definition
    self.pattern = pattern
    self.expansion = expansion
    self.slotGroups = slotGroups
    self.prefilter = prefilter
    self.starts = starts
  }

  /// The rule's id, as written in its file (`en.employees.verb`); a later layer's rule with the same id
  /// replaces it.
  public var id: String { definition.id }

  /// Slots of a role, with their group numbers.
  package func slots(where predicate: (PlaceholderSlot) -> Bool) -> [(slot: PlaceholderSlot, group: Int)] {
    // Only the matching slots are copied (a filtered zip copied every slot of the rule, on every claim).
    var matching: [(slot: PlaceholderSlot, group: Int)] = []
    let slots = expansion.slots
    for index in slots.indices where predicate(slots[index]) { matching.append((slots[index], slotGroups[index])) }
    return matching
  }
}

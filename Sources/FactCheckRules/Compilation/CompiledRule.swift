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
  /// The figures' slots (of every kind), with their group numbers, in slot order.
  package let valueSlots: [(slot: PlaceholderSlot, group: Int)]
  /// The lexicon fragments' slots (`{staff}`, whatever the fragment), with their group numbers, in slot order.
  package let fragmentSlots: [(slot: PlaceholderSlot, group: Int)]
  /// The slots by role, each role once. Sorted out once, when the rule is made: the claim builder asks for a
  /// role's slots some eight times a claim, and filtering every slot at each ask cost about 900 instructions an
  /// ask (358 M on the bench's 16 MB corpus). A list, not a dictionary: a rule has a few roles, and a dictionary
  /// per rule cost 2.5 M instructions at start-up (228 rules).
  private let slotsByRole: [(role: PlaceholderSlot.Role, slots: [(slot: PlaceholderSlot, group: Int)])]

  package init(definition: RuleDefinition, pattern: CompiledPattern, expansion: ExpandedPattern, slotGroups: [Int],
               prefilter: Prefilter, starts: MatchStartTable? = nil) {
    self.definition = definition
    self.pattern = pattern
    self.expansion = expansion
    self.slotGroups = slotGroups
    self.prefilter = prefilter
    self.starts = starts
    var values: [(slot: PlaceholderSlot, group: Int)] = []
    var fragments: [(slot: PlaceholderSlot, group: Int)] = []
    var byRole: [(role: PlaceholderSlot.Role, slots: [(slot: PlaceholderSlot, group: Int)])] = []
    for (slot, group) in zip(expansion.slots, slotGroups) {
      switch slot.role {
      case .value: values.append((slot, group))
      case .fragment: fragments.append((slot, group))
      default: break
      }
      if let index = byRole.firstIndex(where: { $0.role == slot.role }) {
        byRole[index].slots.append((slot, group))
      } else {
        byRole.append((slot.role, [(slot, group)]))
      }
    }
    valueSlots = values
    fragmentSlots = fragments
    slotsByRole = byRole
  }

  /// The rule's id, as written in its file (`en.employees.verb`); a later layer's rule with the same id
  /// replaces it.
  public var id: String { definition.id }

  /// The slots of exactly `role`, with their group numbers, in slot order.
  package func slots(of role: PlaceholderSlot.Role) -> [(slot: PlaceholderSlot, group: Int)] {
    slotsByRole.first { $0.role == role }?.slots ?? []
  }
}

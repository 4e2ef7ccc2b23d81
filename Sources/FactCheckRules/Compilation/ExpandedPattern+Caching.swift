import FactCheckModel
import PatternMatching

// Expanding a rule's placeholders copies kilobytes of fragments into its pattern, about a third of a one-file
// check's rule compilation for the bundled rules; the rule set's texts decide the result (the rule's pattern
// and its language's catalog). So it is kept in the rule set's pattern cache, in this layout
// (``CacheEntryWriter``):
//
//     regex  slots × (role  [value kind | fragment name]  name  hasLabel  [label]  group  sourceRange)
//     pieces × (output  source  isPlaceholder)
extension ExpandedPattern {
  /// The name of `rule`'s expansion in the pattern cache, written out at a match's start or not; the version
  /// part changes with the layout.
  static func cacheName(of rule: RuleDefinition, writesLeadingOut: Bool) -> String {
    "expansion 1\u{0}\(rule.language)\u{0}\(writesLeadingOut ? "leading" : "compact")\u{0}\(rule.pattern)"
  }

  /// The expansion in the layout above.
  var encoded: [UInt8] {
    var writer = CacheEntryWriter()
    writer.append(regexUTF8)
    writer.append(slots.count)
    for slot in slots {
      switch slot.role {
      case .value(let kind):
        writer.append(0)
        writer.append(kind.rawValue)
      case .hedge: writer.append(1)
      case .period: writer.append(2)
      case .entity: writer.append(3)
      case .date: writer.append(4)
      case .noun: writer.append(5)
      case .fragment(let name):
        writer.append(6)
        writer.append(name)
      }
      writer.append(slot.name)
      writer.append(slot.label != nil)
      if let label = slot.label { writer.append(label) }
      writer.append(slot.group)
      writer.append(slot.sourceRange)
    }
    writer.append(pieces.count)
    for piece in pieces {
      writer.append(piece.output)
      writer.append(piece.source)
      writer.append(piece.isPlaceholder)
    }
    return writer.bytes
  }

  /// The expansion `bytes` hold, or `nil` when they do not follow the layout exactly.
  init?(encoded bytes: UnsafeRawBufferPointer) {
    var reader = CacheEntryReader(bytes)
    guard let regex = reader.run(), let slotCount = reader.count(ofItemsAtLeast: 24) else { return nil }
    var slots: [PlaceholderSlot] = []
    slots.reserveCapacity(slotCount)
    for _ in 0..<slotCount {
      let role: PlaceholderSlot.Role
      switch reader.int() {
      case 0:
        guard let kind = reader.string().flatMap(ValueKind.init(rawValue:)) else { return nil }
        role = .value(kind)
      case 1: role = .hedge
      case 2: role = .period
      case 3: role = .entity
      case 4: role = .date
      case 5: role = .noun
      case 6:
        guard let name = reader.string() else { return nil }
        role = .fragment(name)
      default: return nil
      }
      guard let name = reader.string(), let hasLabel = reader.bool() else { return nil }
      var label: String? = nil
      if hasLabel {
        guard let text = reader.string() else { return nil }
        label = text
      }
      guard let group = reader.string(), let sourceRange = reader.range() else { return nil }
      slots.append(PlaceholderSlot(role: role, name: name, label: label, group: group, sourceRange: sourceRange))
    }
    guard let pieceCount = reader.count(ofItemsAtLeast: 20) else { return nil }
    var pieces: [Piece] = []
    pieces.reserveCapacity(pieceCount)
    for _ in 0..<pieceCount {
      guard let output = reader.range(), let source = reader.range(), let isPlaceholder = reader.bool() else { return nil }
      pieces.append(Piece(output: output, source: source, isPlaceholder: isPlaceholder))
    }
    guard reader.isAtEnd else { return nil }
    self.init(regexUTF8: Array(regex), slots: slots, pieces: pieces)
  }
}

extension PlaceholderExpander {
  /// ``expand(_:catalog:writesLeadingOut:)`` of `rule`'s pattern: from `cache` when an earlier run of this build
  /// recorded it, else expanded now with `catalog` and recorded there. A pattern that does not expand is
  /// not recorded: it throws on every run, as it did.
  static func expand(_ rule: RuleDefinition, catalog: PlaceholderCatalog, writesLeadingOut: Bool = true,
                     cache: PatternCache?) throws(Failure) -> ExpandedPattern {
    try PatternCache.derived(ExpandedPattern.cacheName(of: rule, writesLeadingOut: writesLeadingOut), in: cache,
                             decode: ExpandedPattern.init(encoded:), encode: \.encoded) { () throws(Failure) in
      try expand(rule.pattern, catalog: catalog, writesLeadingOut: writesLeadingOut)
    }
  }
}

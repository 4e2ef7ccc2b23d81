import FactCheckModel

extension DefinitionParser {
  /// One `suppress:` entry of a rule file:
  ///
  /// ```yaml
  /// suppress:
  ///   - check: conflict/employees      # or a list; a finding id; a kind; a prefix ending in '*'
  ///     entity: Klarna                 # optional: only findings about this entity
  ///     attribute: employees           # optional
  ///     period: current                # optional: the period key (current, 2024, …)
  ///     reason: Confirmed with the company on 2025-05-14.
  /// ```
  ///
  /// An entry must name at least a check, an entity or an attribute, and a check is never a bare `*`, so
  /// that no entry silences everything.
  package static func suppression(_ node: YAMLNode, _ reader: YAMLReader) -> Suppression? {
    guard let map = reader.mapping(node, allowed: ["check", "entity", "attribute", "period", "reason"], owner: "suppress entry")
    else { return nil }
    var checks: [String] = []
    if let checkNode = map["check"] {
      guard let names = reader.strings(checkNode, key: "check") else { return nil }
      // Each name is reported at its own item when the checks are a list.
      var nodes = [YAMLNode](repeating: checkNode, count: names.count)
      if case .sequence(let sequence) = checkNode, sequence.count == names.count { nodes = Array(sequence) }
      for (name, nameNode) in zip(names, nodes) where !Suppression.isCheckPattern(name) {
        let trimmed = name.hasSuffix(",") ? String(name.dropLast()) : name
        let reason = trimmed == "*"
          ? "'*' alone would silence every finding; name a check, a kind or a prefix ending in '*' (conflict/*)"
          : "not a check or finding id"
        reader.report(.invalidValue(key: "check", value: name, reason: reason), at: nameNode)
        return nil
      }
      checks = names
    }
    let entity = map["entity"].flatMap { reader.string($0, key: "entity") }
    let attribute = map["attribute"].flatMap { reader.string($0, key: "attribute") }
    let period = map["period"].flatMap { reader.string($0, key: "period") }
    let reason = map["reason"].flatMap { reader.string($0, key: "reason") }
    guard !checks.isEmpty || entity != nil || attribute != nil else {
      reader.report(.missingKey(key: "check", in: "suppress entry (or entity, attribute)"), at: node)
      return nil
    }
    return Suppression(origin: .ruleFile, location: reader.location(node), checks: checks, entity: entity, attribute: attribute,
                       period: period, reason: reason)
  }
}

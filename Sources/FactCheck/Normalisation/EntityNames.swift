/// How organisation names are compared: legal forms dropped, short names expanded.
enum EntityNames {
  /// Words that make a multi-word name an organisation's ("Nordhavn Bank", "Atlas Robotics").
  static let organisationWords: Set<String> = [
    "Bank", "Banque", "Group", "Groupe", "Maison", "Société", "Compagnie", "Crédit", "Caisse", "Laboratoires", "Éditions",
    "Editions", "Assurances", "Industries", "Inc", "Inc.", "Corp", "AB", "SA", "SAS", "AG", "Ltd", "Labs", "Technologies",
    "Robotics", "Airlines", "Motors", "Capital", "Holdings", "Systems", "Pay", "Software", "Energy", "Partners", "Ventures",
    "AI", "Airways", "Air", "Aviation", "Studio", "Studios", "Games", "Entertainment", "Media", "Telecom", "Pharma", "Foods",
    "Retail", "Logistics", "Finance", "Insurance", "Mobility", "Health", "Therapeutics", "Automotive", "Bancorp", "Electric",
    "Semiconductor",
  ]
  /// Legal forms dropped from names ("Alcyra Airways SA" is "Alcyra Airways").
  static let legalForms: Set<String> = ["SA", "S.A.", "AG", "Inc", "Inc.", "Ltd", "Ltd.", "plc", "PLC", "AB", "SE", "NV", "N.V.",
                                        "GmbH", "SAS", "LLC", "Corp", "Corp.", "Corporation", "SpA", "BV", "Oyj", "ASA"]

  static func withoutLegalForm(_ name: String) -> String {
    var words = name.split(separator: " ").map(String.init)
    while words.count > 1, let last = words.last, legalForms.contains(last) { words.removeLast() }
    return words.joined(separator: " ")
  }

  /// Expands a one-word name to the one longer name among a set that adds only organisation words to it
  /// ("Atlas" → "Atlas Robotics"). The set is indexed once: a corpus or a long article has thousands of
  /// names, and filtering them all for each name would take time quadratic in their number.
  struct Expander {
    /// Longer names by the one word in them that is not an organisation word ("Atlas" → "Atlas Robotics").
    private var byCoreWord: [String: Set<String>] = [:]
    /// Names made only of organisation words ("Air Group"), for the rare name that is itself one.
    private var organisationOnly: [String] = []

    init(_ names: Set<String>) {
      for candidate in names {
        let words = candidate.split(separator: " ").map(String.init)
        guard words.count > 1 else { continue }
        let core = Set(words.filter { !EntityNames.organisationWords.contains($0) })
        if core.isEmpty {
          organisationOnly.append(candidate)
        } else if core.count == 1 {
          byCoreWord[core.first!, default: []].insert(candidate)
        }
      }
    }

    /// `name`, or the one longer name that adds only organisation words to it.
    func expand(_ name: String) -> String {
      guard !name.contains(" ") else { return name }
      var longer = byCoreWord[name] ?? []
      if EntityNames.organisationWords.contains(name) {
        // "Air" in "Air Group": every word is the name or an organisation word.
        for candidate in organisationOnly where candidate.split(separator: " ").contains(Substring(name)) { longer.insert(candidate) }
      }
      return longer.count == 1 ? longer.first! : name
    }
  }
}

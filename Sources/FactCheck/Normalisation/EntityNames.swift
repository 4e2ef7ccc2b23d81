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

  /// A one-word name as the one longer name among `names` that adds only organisation words to it.
  static func expand(_ name: String, among names: Set<String>) -> String {
    guard !name.contains(" ") else { return name }
    let longer = names.filter { candidate in
      let words = candidate.split(separator: " ").map(String.init)
      return words.count > 1 && words.contains(name) && words.allSatisfy { $0 == name || organisationWords.contains($0) }
    }
    return longer.count == 1 ? longer.first! : name
  }
}

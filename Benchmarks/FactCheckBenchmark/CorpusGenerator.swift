import FactCheck
import Foundation

/// Builds a deterministic news-like corpus from the example articles.
///
/// Article `i` depends only on the seed and `i`, so a smaller corpus is always a prefix of a larger one
/// (the 1 MB corpus is the first articles of the 16 MB corpus, and so on). Articles come in groups of
/// ``groupSize``: the articles of one group talk about the same invented companies, with figures drawn
/// from the same per-group mapping, and each figure is perturbed with a small probability. So claims agree
/// across articles most of the time and conflict some of the time, and the number of findings grows with
/// the corpus instead of saturating.
struct CorpusGenerator {
  struct Template {
    let path: String
    let language: String
    let bytes: [UInt8]
    let published: Int?  // days since 1970-01-01
    let frontMatter: [UInt8]
    let paragraphs: [[UInt8]]
    let endsWithNewline: Bool

    init(path: String, language: String, bytes: [UInt8], published: Int?) {
      self.path = path
      self.language = language
      self.bytes = bytes
      self.published = published
      let (front, body) = CorpusGenerator.splitFrontMatter(bytes)
      frontMatter = front
      paragraphs = CorpusGenerator.paragraphs(body)
      endsWithNewline = body.last == 0x0A
    }
  }

  /// One generated article.
  struct Article {
    let language: String
    let title: String
    let frontMatter: [UInt8]
    let body: [UInt8]
    var bytes: [UInt8] { frontMatter + body }
  }

  static let groupSize = 16
  /// Probability that one figure of one article departs from its group's value (a conflict).
  static let perturbation = 0.15

  let seed: UInt64
  let templates: [Template]
  /// Capitalised words of the example entities that are swapped for invented names, by first byte
  /// (256 entries, longest first).
  let swapTokens: [[[UInt8]]]
  let swapTokenList: [String]
  /// Month names of every lexicon, lowercased (a day next to a month is not varied).
  let monthWords: Set<String>

  init(examplesDirectory: String, rules: CompiledRuleSet, seed: UInt64) throws {
    self.seed = seed
    let manager = FileManager.default
    var templates: [Template] = []
    var entityNames: Set<String> = []
    let stories = try manager.contentsOfDirectory(atPath: examplesDirectory).sorted()
    for story in stories {
      let storyPath = (examplesDirectory as NSString).appendingPathComponent(story)
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: storyPath, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
      for file in try manager.contentsOfDirectory(atPath: storyPath).sorted() {
        let path = (storyPath as NSString).appendingPathComponent(file)
        if file.hasSuffix(".md") {
          guard let data = manager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { continue }
          templates.append(Template(path: path, language: CorpusGenerator.language(of: text, file: file),
                                    bytes: Array(text.utf8), published: CorpusGenerator.published(in: text)))
        } else if file == "expected.yaml", let text = try? String(contentsOfFile: path, encoding: .utf8) {
          entityNames.formUnion(CorpusGenerator.entityNames(inExpected: text))
        }
      }
    }
    guard !templates.isEmpty else {
      throw BenchmarkError("no example articles (*.md) under \(examplesDirectory)/*/")
    }
    self.templates = templates

    // Swap the distinctive words of entity names: capitalised words that never appear in lowercase in the
    // examples ("Klarna", "Atlas", "Robotics"), not generic ones ("Bank", "Pay", "Maison").
    let lowercaseWords = Set(templates.flatMap { template in
      String(decoding: template.bytes, as: UTF8.self).split { !$0.isLetter }.map(String.init).filter { $0.first?.isLowercase == true }
    })
    var tokens: Set<String> = []
    for name in entityNames {
      for word in name.split(separator: " ") where word.count >= 4 && word.first?.isUppercase == true {
        if !lowercaseWords.contains(word.lowercased()) { tokens.insert(String(word)) }
      }
    }
    swapTokenList = tokens.sorted()
    var byFirst = [[[UInt8]]](repeating: [], count: 256)
    for token in tokens.sorted(by: { $0.utf8.count > $1.utf8.count }) {
      let bytes = Array(token.utf8)
      byFirst[Int(bytes[0])].append(bytes)
    }
    swapTokens = byFirst
    monthWords = Set(rules.library.lexicons.values.flatMap { $0.months.keys.map { $0.lowercased() } })
  }

  // MARK: - One article

  func article(_ index: Int) -> Article {
    var rng = SplitMix64(seed: StableHash.of([seed, UInt64(index)]))
    let group = UInt64(index / CorpusGenerator.groupSize)
    let template = templates[rng.below(templates.count)]
    let fillers = template.language == "fr" ? Filler.french : Filler.english

    // Insert filler paragraphs between body paragraphs.
    let frontMatter = template.frontMatter
    var paragraphs = template.paragraphs
    let fillerCount = rng.below(3)
    for _ in 0..<fillerCount where paragraphs.count > 1 {
      let position = 1 + rng.below(paragraphs.count - 1)
      paragraphs.insert(Array(fillers[rng.below(fillers.count)].utf8), at: position)
    }
    var newBody: [UInt8] = []
    for (offset, paragraph) in paragraphs.enumerated() {
      if offset > 0 { newBody += [0x0A, 0x0A] }
      newBody += paragraph
    }
    if template.endsWithNewline { newBody.append(0x0A) }

    var newFront = rewrite(frontMatter, group: group, rng: &rng)
    if let published = template.published {
      let groupShift = Int(StableHash.of([seed, group, 0xDA7E]) % 731) - 365
      let day = published + groupShift + rng.below(21) - 10
      newFront = CorpusGenerator.replacingPublished(in: newFront, with: CorpusGenerator.isoDate(day))
    }
    let front = String(decoding: newFront, as: UTF8.self)
    let title = front.split(separator: "\n").first { $0.hasPrefix("title:") }
      .map { $0.dropFirst(6).trimmingCharacters(in: CharacterSet(charactersIn: " \"")) } ?? "Article \(index)"
    return Article(language: template.language, title: title, frontMatter: newFront,
                   body: rewrite(newBody, group: group, rng: &rng))
  }

  /// Swaps entity words and varies figures, keeping every byte of typography around them.
  private func rewrite(_ text: [UInt8], group: UInt64, rng: inout SplitMix64) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.count + 64)
    var i = 0
    let n = text.count
    while i < n {
      let byte = text[i]
      if byte >= 0x30 && byte <= 0x39 {
        let end = CorpusGenerator.numberEnd(text, from: i)
        if CorpusGenerator.isLetter(before: i, in: text) {
          out += text[i..<end]  // "A320", "G7": part of a name
        } else {
          out += varied(text, i..<end, group: group, rng: &rng)
        }
        i = end
        continue
      }
      let candidates = swapTokens[Int(byte)]
      if !candidates.isEmpty, !CorpusGenerator.isLetter(before: i, in: text) {
        var swapped = false
        for token in candidates where i + token.count <= n && text[i..<(i + token.count)].elementsEqual(token) {
          if CorpusGenerator.isLetter(at: i + token.count, in: text) { continue }
          out += Array(InventedNames.name(for: token, group: group, seed: seed).utf8)
          i += token.count
          swapped = true
          break
        }
        if swapped { continue }
      }
      out.append(byte)
      i += 1
    }
    return out
  }

  /// The figure `text[range]` with new digits, or unchanged when it is a year, a date, a time or a day.
  private func varied(_ text: [UInt8], _ range: Range<Int>, group: UInt64, rng: inout SplitMix64) -> [UInt8] {
    let token = Array(text[range])
    let digits = token.filter { $0 >= 0x30 && $0 <= 0x39 }
    let count = digits.count
    guard count <= 15 else { return token }
    let value = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    let hasSeparator = digits.count != token.count
    if !hasSeparator && count == 4 && (1900...2099).contains(value) { return token }  // a year
    if count > 1 && digits[0] == 0x30 { return token }  // "07"
    // Dates and times: 12/03/2025, 13-05-2025, 10:44.
    let before = range.lowerBound
    if before >= 2, [0x2D, 0x2F, 0x3A].contains(text[before - 1]), CorpusGenerator.isDigit(text[before - 2]) { return token }
    let after = range.upperBound
    if after + 1 < text.count, [0x2D, 0x2F, 0x3A].contains(text[after]), CorpusGenerator.isDigit(text[after + 1]) { return token }
    if !hasSeparator && count <= 2 && nextOrPreviousWordIsMonth(text, range) { return token }
    if value == 0 { return token }

    var factor = 0.6 + Double(StableHash.of([seed, group, UInt64(value), 0xF1]) % 1000) / 1000.0
    if rng.chance(CorpusGenerator.perturbation) {
      let delta = 0.05 + rng.unit() * 0.3
      factor *= rng.chance(0.5) ? 1 + delta : 1 - delta
    }
    var low = 1
    for _ in 1..<max(1, count) { low *= 10 }
    let high = count == 1 ? 9 : low * 10 - 1
    // Keep the figure as round as it was: "118 000" becomes "160 000", not "160 362".
    var unit = 1
    var zeros = digits.count - 1
    while zeros > 1 && digits[zeros] == 0x30 {  // at least two significant digits
      unit *= 10
      zeros -= 1
    }
    var scaled = Int((Double(value) * factor / Double(unit)).rounded()) * unit
    if scaled == 0 { scaled = unit }
    let newValue = min(high - high % unit, max(count == 1 ? 1 : low, scaled))
    var newDigits = Array(String(newValue).utf8)
    while newDigits.count < count { newDigits.insert(0x30, at: 0) }
    var result = token
    var next = 0
    for index in result.indices where CorpusGenerator.isDigit(result[index]) {
      result[index] = newDigits[next]
      next += 1
    }
    return result
  }

  private func nextOrPreviousWordIsMonth(_ text: [UInt8], _ range: Range<Int>) -> Bool {
    // Next word: skip letters glued to the figure ("1er"), then spaces.
    var i = range.upperBound
    while i < text.count && CorpusGenerator.isASCIILetter(text[i]) { i += 1 }
    while i < text.count && (text[i] == 0x20 || text[i] == 0xC2 || text[i] == 0xA0) { i += 1 }
    var j = i
    while j < text.count && (CorpusGenerator.isASCIILetter(text[j]) || text[j] >= 0x80) && text[j] != 0xC2 { j += 1 }
    if j > i, monthWords.contains(String(decoding: text[i..<j], as: UTF8.self).lowercased()) { return true }
    // Previous word ("May 13").
    var k = range.lowerBound
    while k > 0 && text[k - 1] == 0x20 { k -= 1 }
    var s = k
    while s > 0 && (CorpusGenerator.isASCIILetter(text[s - 1]) || text[s - 1] >= 0x80) { s -= 1 }
    return s < k && monthWords.contains(String(decoding: text[s..<k], as: UTF8.self).lowercased())
  }

  // MARK: - Byte helpers

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

  /// Whether the scalar ending just before `index` is a letter or digit.
  static func isLetter(before index: Int, in text: [UInt8]) -> Bool {
    guard index > 0 else { return false }
    var start = index - 1
    while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
    return scalarIsWordy(text, start)
  }

  /// Whether the scalar starting at `index` is a letter or digit.
  static func isLetter(at index: Int, in text: [UInt8]) -> Bool {
    guard index < text.count else { return false }
    return scalarIsWordy(text, index)
  }

  private static func scalarIsWordy(_ text: [UInt8], _ start: Int) -> Bool {
    let lead = text[start]
    if lead < 0x80 { return isASCIILetter(lead) || isDigit(lead) }
    var value: UInt32
    var length: Int
    switch lead {
    case 0xC0..<0xE0: value = UInt32(lead & 0x1F); length = 2
    case 0xE0..<0xF0: value = UInt32(lead & 0x0F); length = 3
    case 0xF0..<0xF8: value = UInt32(lead & 0x07); length = 4
    default: return false
    }
    guard start + length <= text.count else { return false }
    for offset in 1..<length { value = value << 6 | UInt32(text[start + offset] & 0x3F) }
    guard let scalar = Unicode.Scalar(value) else { return false }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  /// End of a figure starting at `start`: digits, then groups of three digits after a space, NBSP, narrow
  /// NBSP, thin space, comma or dot, then a decimal part.
  static func numberEnd(_ text: [UInt8], from start: Int) -> Int {
    let n = text.count
    var i = start
    while i < n && isDigit(text[i]) { i += 1 }
    var leading = i - start
    func separatorLength(_ at: Int) -> Int {
      guard at < n else { return 0 }
      switch text[at] {
      case 0x20, 0x2C, 0x2E: return 1
      case 0xC2 where at + 1 < n && text[at + 1] == 0xA0: return 2
      case 0xE2 where at + 2 < n && text[at + 1] == 0x80 && (text[at + 2] == 0xAF || text[at + 2] == 0x89): return 3
      default: return 0
      }
    }
    func digitRun(_ at: Int) -> Int {
      var j = at
      while j < n && isDigit(text[j]) { j += 1 }
      return j - at
    }
    while leading <= 3 {
      let sep = separatorLength(i)
      guard sep > 0, digitRun(i + sep) == 3 else { break }
      i += sep + 3
      leading = 3
    }
    if i < n && (text[i] == 0x2C || text[i] == 0x2E) {
      let run = digitRun(i + 1)
      if run > 0 { i += 1 + run }
    }
    return i
  }

  // MARK: - Templates

  static func splitFrontMatter(_ bytes: [UInt8]) -> (front: [UInt8], body: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    guard text.hasPrefix("---\n"), let close = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
    else { return ([], bytes) }
    let frontEnd = text.utf8.distance(from: text.startIndex, to: close.upperBound)
    return (Array(bytes[0..<frontEnd]), Array(bytes[frontEnd...]))
  }

  static func paragraphs(_ body: [UInt8]) -> [[UInt8]] {
    let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .newlines)
    return text.components(separatedBy: "\n\n").map { Array($0.utf8) }
  }

  static func language(of text: String, file: String) -> String {
    for line in text.split(separator: "\n").prefix(12) where line.hasPrefix("language:") {
      return line.dropFirst(9).trimmingCharacters(in: .whitespaces)
    }
    return file.contains("-fr-") ? "fr" : "en"
  }

  static func published(in text: String) -> Int? {
    for line in text.split(separator: "\n").prefix(12) where line.hasPrefix("published:") {
      let parts = line.dropFirst(10).trimmingCharacters(in: .whitespaces).split(separator: "-").compactMap { Int($0) }
      if parts.count == 3 { return daysFromCivil(parts[0], parts[1], parts[2]) }
    }
    return nil
  }

  static func replacingPublished(in front: [UInt8], with date: String) -> [UInt8] {
    let text = String(decoding: front, as: UTF8.self)
    let lines = text.components(separatedBy: "\n").map { $0.hasPrefix("published:") ? "published: \(date)" : $0 }
    return Array(lines.joined(separator: "\n").utf8)
  }

  /// Entity names of the expected findings (`entity: Atlas Robotics`), capitalised ones only.
  static func entityNames(inExpected text: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(text)
    while let range = rest.range(of: "entity: ") {
      rest = rest[range.upperBound...]
      let name = rest.prefix { $0 != "," && $0 != "}" && $0 != "\n" && $0 != "]" }
        .trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
      if name.first?.isUppercase == true { names.insert(name) }
    }
    return names
  }

  // Howard Hinnant's civil-date algorithms.
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func isoDate(_ days: Int) -> String {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(pad(month))-\(pad(day))"
  }
}

/// Invented one-word company names: a list of stems and endings, picked per (word, group).
enum InventedNames {
  static let stems = [
    "Vel", "Brin", "Kor", "Tal", "Zen", "Quor", "Mar", "Lum", "Ost", "Pell", "Rav", "Sol", "Tor", "Ulv", "Vask",
    "Wen", "Yar", "Zor", "Arn", "Bel", "Cald", "Dor", "Eld", "Fal", "Gal", "Hesk", "Ist", "Jor", "Kest", "Lind",
    "Morv", "Nesk",
  ]
  static let endings = [
    "ara", "ix", "ova", "ent", "ora", "ium", "ika", "ano", "eda", "ulo", "ynx", "esta", "orin", "ado", "ela",
    "iko", "une", "avia", "ondo", "etra", "ilo", "ari", "enko", "oria", "usk", "ame", "eto", "ivo", "anza", "orr",
    "ette", "ism",
  ]
  /// Every name of the list.
  static var count: Int { stems.count * endings.count }

  static func name(for token: [UInt8], group: UInt64, seed: UInt64) -> String {
    let hash = StableHash.of(bytes: token, [seed, group])
    let stem = stems[Int(hash % UInt64(stems.count))]
    let ending = endings[Int((hash / UInt64(stems.count)) % UInt64(endings.count))]
    return stem + ending
  }
}

/// Paragraphs without figures, inserted between the paragraphs of an article.
enum Filler {
  static let french = [
    "Dans les couloirs du siège, l'ambiance reste studieuse. Les équipes s'efforcent de livrer les projets prévus tout en s'adaptant à une organisation qui change rapidement, parfois sans que les objectifs soient clairement expliqués.",
    "Les syndicats, de leur côté, réclament davantage de transparence sur la méthode retenue. Ils demandent que les salariés concernés soient consultés avant toute décision et que les mesures d'accompagnement soient détaillées par écrit.",
    "Pour les analystes qui suivent le secteur, la question n'est plus de savoir si l'automatisation progressera, mais à quel rythme. Beaucoup estiment que les gains annoncés devront être confirmés sur la durée avant d'emporter l'adhésion des investisseurs.",
    "Les clients interrogés se montrent partagés. Certains saluent la rapidité des réponses, d'autres regrettent de ne plus pouvoir joindre facilement un interlocuteur humain lorsqu'un problème sort de l'ordinaire.",
    "La direction assure que la transition se fera progressivement et que la qualité du service restera la priorité. Elle promet des points d'étape réguliers et une communication plus fréquente avec les représentants du personnel.",
    "Au sein de la concurrence, on observe la manœuvre avec attention. Plusieurs acteurs du secteur ont déjà lancé leurs propres expérimentations, souvent plus discrètes, en attendant de voir si le modèle tient ses promesses.",
    "Les régulateurs européens, eux, rappellent que les règles de protection des données s'appliquent pleinement aux outils automatisés. Ils invitent les entreprises à documenter leurs choix et à garantir un recours humain en cas de litige.",
    "Sur les réseaux sociaux, le sujet suscite des réactions contrastées. Les défenseurs de la technologie y voient un progrès inévitable, tandis que ses détracteurs dénoncent une course à la rentabilité au détriment des salariés.",
    "Les économistes rappellent enfin que les annonces de ce type s'inscrivent dans un contexte plus large de ralentissement de la croissance et de hausse du coût du capital, qui pousse les entreprises à réduire leurs dépenses.",
    "Plusieurs anciens salariés décrivent une culture d'entreprise exigeante mais stimulante. Ils évoquent des équipes soudées, des projets ambitieux et une pression constante pour aller plus vite que les concurrents.",
  ]
  static let english = [
    "Inside the company's headquarters, the mood is described as focused but uneasy. Teams are trying to deliver planned projects while adapting to an organisation that keeps changing, often without a clear explanation of the goals.",
    "Labour representatives have asked for more transparency about the method. They want affected employees to be consulted before any decision and the support measures to be set out in writing.",
    "For analysts who follow the sector, the question is no longer whether automation will advance but how quickly. Many say the promised gains will have to be confirmed over time before investors are convinced.",
    "Customers who were asked about the change are divided. Some welcome faster answers, while others regret that it has become harder to reach a human being when a problem is out of the ordinary.",
    "Management insists the transition will be gradual and that service quality remains the priority. It has promised regular progress reports and more frequent meetings with staff representatives.",
    "Competitors are watching closely. Several rivals have launched their own experiments, usually more quietly, while they wait to see whether the model lives up to its promises.",
    "European regulators have reminded companies that data protection rules apply in full to automated tools. They encourage firms to document their choices and to guarantee human recourse in case of a dispute.",
    "On social media the subject has drawn mixed reactions. Supporters of the technology see inevitable progress, while critics denounce a race for profitability at the expense of workers.",
    "Economists point out that announcements of this kind come against a wider background of slowing growth and a higher cost of capital, which is pushing companies to cut spending wherever they can.",
    "Former employees describe a demanding but stimulating culture, with close-knit teams, ambitious projects and constant pressure to move faster than competitors.",
  ]
}

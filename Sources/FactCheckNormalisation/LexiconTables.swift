import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// A lexicon's words as the readers look them up: keyed by ``TextNormalisation/key(_:)``, built once per
/// language.
///
/// `tables.scales`, `tables.articles` … are the lexicon's own keys, each normalised as its shape says
/// (``LexiconKey/normalise(_:)``), so a key added to ``LexiconSchema`` is looked up here with nothing
/// more to write; the figure reader reads its lists as bytes, from ``figureWords``, where a list it uses is
/// added too. Hedges and periods, lists of groups, are inverted into word → meaning tables.
///
/// A class, not a struct: every reader of figures and qualifiers holds the tables, and a copy of a struct
/// retained and released each of the lexicon's lists and tables (issue 15). Every property is a constant, so
/// sharing them changes nothing.
@dynamicMemberLookup
package final class LexiconTables: Sendable {
  /// The lexicon as written (case and spelling kept), for what is compared with the article's own text.
  package let lexicon: Lexicon
  /// The lexicon with every word normalised, held by reference: a key path applied to a struct stored in
  /// this one copied the whole lexicon (some fifty arrays and dictionaries retained and released) on every
  /// lookup, thousands of instructions each, on the path every figure takes.
  private let normalised: Normalised

  private final class Normalised: Sendable {
    let lexicon: Lexicon
    init(_ lexicon: Lexicon) { self.lexicon = lexicon }
  }
  package let hedges: [String: Hedge]
  package let periods: [String: (period: Period, modality: Modality?)]
  /// The keys of ``periods`` as UTF-8, longest first (ties in alphabetical order), for finding the longest
  /// phrase a longer expression embeds without a dictionary copy and a Foundation search per key.
  package let periodPhrasesLongestFirst: [(key: String, utf8: [UInt8])]
  /// The words figures are read with, as the bytes ``NumberReader`` compares.
  package let figureWords: FigureWords
  /// The normalised words that open a clause keeping the previous clause's time ("in which"), each with the
  /// space that must follow it (none after an elided word, « lorsqu’ »), as a clause's opening is compared
  /// with them.
  package let continuingClauseOpenings: [String]
  /// The same as UTF-8, compared with an ASCII clause's key byte by byte (through `String.UTF8View`, 3.6 M
  /// instructions more on the check of 330 generated articles).
  package let continuingClauseOpeningBytes: [[UInt8]]
  /// Which ASCII bytes the openings start with (indexed by byte, 128 of them), when every opening starts with
  /// an ASCII letter; `nil` otherwise. A clause whose key starts with another ASCII letter opens with none.
  package let continuingClauseFirstLetters: [Bool]?

  package init(_ lexicon: Lexicon) {
    self.lexicon = lexicon
    var normalised = lexicon
    for key in LexiconSchema.keys { key.normalise(&normalised) }
    self.normalised = Normalised(normalised)
    var hedges: [String: Hedge] = [:]
    for entry in lexicon.hedges { for word in entry.words { hedges[TextNormalisation.key(word)] = entry.hedge } }
    self.hedges = hedges
    var periods: [String: (Period, Modality?)] = [:]
    for entry in lexicon.periods {
      for word in entry.words { periods[TextNormalisation.key(word)] = (entry.period, entry.modality) }
    }
    self.periods = periods
    // An elided opening (« lorsqu’ ») is glued to the next word: it takes no space after it.
    continuingClauseOpenings = normalised.continuingClauses.map { $0.hasSuffix("'") ? $0 : $0 + " " }
    continuingClauseOpeningBytes = continuingClauseOpenings.map { Array($0.utf8) }
    let firsts = continuingClauseOpeningBytes.map { $0.first ?? 0 }
    if firsts.allSatisfy(TextBytes.isASCIILetter) {
      var letters = [Bool](repeating: false, count: 128)
      for first in firsts { letters[Int(first | 0x20)] = true }
      continuingClauseFirstLetters = letters
    } else {
      continuingClauseFirstLetters = nil
    }
    figureWords = FigureWords(normalised: normalised)
    periodPhrasesLongestFirst = periods.keys
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
      .map { ($0, Array($0.utf8)) }
  }

  /// A lexicon key's words, normalised.
  package subscript<Value>(dynamicMember path: KeyPath<Lexicon, Value>) -> Value { normalised.lexicon[keyPath: path] }
}

import FactCheckRules

/// The lexicon's words that figures are read with, as NFC bytes for ``FigureScanner`` and ``FigureText``: the
/// tables looked up by the longest key at a position, and the phrases searched for in a figure's text.
///
/// The same lists are in ``LexiconTables`` as `String`s (`tables.scales`, `tables.rangeTo` …), for the regex
/// fragments and other readers; a list the figure reader uses is added here as well.
///
/// A class: every money figure reads several of its tables, and a struct of a dozen of them was retained and
/// released whole at each read.
package final class FigureWords: Sendable {
  package let scales: WordTable<Double>
  package let currencies: WordTable<String>
  package let numbers: WordTable<Double>
  package let multipliers: WordTable<Double>
  /// The articles ("a", « un ») and conjunctions ("and", « et »), for reading spelled numbers ("a hundred
  /// and five").
  package let articles: WordTable<Void>
  package let conjunctions: WordTable<Void>
  package let durationUnits: WordTable<Double>
  /// Each currency link as it stands before the currency: with a space after it, none after an elision (« d' »).
  package let currencyLinks: [[UInt8]]
  /// The words opening a range ("between", « entre »), each with the space after it.
  package let rangeOpenings: [[UInt8]]
  /// The words linking a range's ends after an opening ("and", « et »), spaced on both sides.
  package let rangeLinks: [[UInt8]]
  /// What links a range's ends (" à ", " to ", " et ", " - ", "-"), in the order they are tried; a bare
  /// hyphen, unspaced, links only numbers.
  package let rangeSeparators: [(bytes: [UInt8], isBareHyphen: Bool)]
  /// The ratio words ("in", « sur »), spaced on both sides.
  package let ratioSeparators: [[UInt8]]

  /// `normalised` is the lexicon with every word normalised (``LexiconKey/normalise(_:)``).
  package init(normalised: Lexicon) {
    scales = WordTable(normalised.scales)
    currencies = WordTable(normalised.currencies)
    numbers = WordTable(normalised.numberWords)
    multipliers = WordTable(normalised.multipliers)
    articles = WordTable(words: normalised.articles)
    conjunctions = WordTable(words: normalised.conjunctions)
    durationUnits = WordTable(normalised.durationUnits)
    currencyLinks = normalised.currencyLinks.map { FigureText.composedBytes($0.hasSuffix("'") ? $0 : $0 + " ") }
    rangeOpenings = normalised.rangeBetween.map { FigureText.composedBytes($0 + " ") }
    rangeLinks = normalised.rangeAnd.map { FigureText.composedBytes(" \($0) ") }
    let rangeTo = normalised.rangeTo.map { FigureText.composedBytes(" \($0) ") }
    rangeSeparators = (rangeTo + rangeLinks).map { ($0, false) } + [(Array(" - ".utf8), false), (Array("-".utf8), true)]
    ratioSeparators = normalised.ratioWords.map { FigureText.composedBytes(" \($0) ") }
  }
}

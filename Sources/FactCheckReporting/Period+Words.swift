import FactCheckModel
import FactCheckRules
import FactCheckExtraction

extension Period {
  /// The period as a reader says it, in English: `now`, `2022`, `last year`, `last year → now`, `Q3 2024`,
  /// `November 2022`, `November last year`, `time not stated`.
  ///
  /// ``description`` is the stable key that rule files, JSON and baselines use (`last_year_to_current`);
  /// this is for people. Every reporter that shows a period to a reader uses it, so the words are the same
  /// in every report.
  public var inWords: String {
    switch self {
    case .current: return "now"
    case .year(let year): return String(year)
    case .relativeYear(0): return "this year"
    case .relativeYear(-1): return "last year"
    case .relativeYear(1): return "next year"
    case .relativeYear(let offset): return offset < 0 ? "\(-offset) years ago" : "in \(offset) years"
    case .change(let from, let to): return "\(from.inWords) → \(to.inWords)"
    case .quarter(let quarter, let year): return "Q\(quarter) \(year.inWords)"
    case .month(let month, let year):
      let name = (1...12).contains(month) ? Period.monthNames[month - 1] : "month \(month)"
      return year == .unspecified ? name : "\(name) \(year.inWords)"
    case .unspecified: return "time not stated"
    }
  }

  /// English month names, January first.
  package static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  ]
}

extension Day {
  /// The day as a reader says it, to its precision: `16 September 2024`, `September 2024`, `2024`.
  public var inWords: String {
    switch precision {
    case .year: return String(year)
    case .month: return "\(Period.monthNames[max(0, min(11, month - 1))]) \(year)"
    default: return "\(day) \(Period.monthNames[max(0, min(11, month - 1))]) \(year)"
    }
  }
}

import FactCheckModel
import FactCheckRules
import FactCheckExtraction
import FactCheckNormalisation

extension EntitySource {
  /// Whether the entity was found next to the figure rather than assumed from the article's subject.
  package var isExplicit: Bool {
    switch self {
    case .named, .sentence, .previousClaim, .earlierSentence: return true
    case .subject, .indefinite, .unknown: return false
    }
  }
}

// The public face of every stage: `import FactCheck` is all a program needs, as before the stages were split
// into targets (issue 15).
@_exported import FactCheckModel
@_exported import FactCheckRules
@_exported import FactCheckExtraction
@_exported import FactCheckNormalisation
@_exported import FactCheckReconciliation
@_exported import FactCheckReporting

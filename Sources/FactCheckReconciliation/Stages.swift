// The stages before this one: reconciliation compares the claims normalisation built.
@_exported import FactCheckNormalisation

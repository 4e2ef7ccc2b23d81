// The stages before this one: normalisation turns extraction's matches into claims.
@_exported import FactCheckExtraction

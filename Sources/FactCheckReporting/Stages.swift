// The stages before this one that reporters read: the model's results, and articles read again to quote them.
@_exported import FactCheckExtraction

// The stages before this one: extraction runs compiled rules (and what they are made of).
@_exported import FactCheckRules

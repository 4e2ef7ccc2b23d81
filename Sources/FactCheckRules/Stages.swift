// The stage before this one: rules are made of the model's values.
@_exported import FactCheckModel

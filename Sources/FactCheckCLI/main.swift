import FactCheck

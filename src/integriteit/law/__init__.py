"""The law, one module per statute; each rule stands beside the article it implements.

- :mod:`integriteit.law.ambtenarenwet`: Ambtenarenwet 2017 (BWBR0001947): the eed of belofte.
"""

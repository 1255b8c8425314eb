"""platyPS cmdlet help: the page (:mod:`.page`) and one module per section with rules of its own.

PowerShell literals in examples (:mod:`.powershell_literal`) and the REST
operation a cmdlet calls (:mod:`.cmdlet_operation`) are read only here.
"""

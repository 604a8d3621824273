"""Anonymous statistics: the closed set of events a kiosk may count (``events``), daily
counters and the folding of a session into them (``metrics``), the kiosk's statistics
file (``store``), the session's recorder (``recorder``, a visitor part), the uploader
(``uploader``, the standard library's HTTP), the privacy rules every released figure
passes (``privacy``) and the figures themselves (``figures``). Only ``qt/`` (the
end-of-session question) imports PySide6; nothing here imports the help-desk server.
"""

"""Qt's own interface strings that Qt's zh_CN translation leaves in English (seen in the file dialog).

Listed here so that lupdate keeps them in our .ts; our translator is installed after Qt's, so its entries for
Qt's contexts are the ones used. Nothing imports this module: lupdate reads the text.
"""

from ..core.messages import QT_TRANSLATE_NOOP

STRINGS = [
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
]

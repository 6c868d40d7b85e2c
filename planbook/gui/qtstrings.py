"""Qt's own interface strings that Qt's zh_CN translation leaves in English (seen in the file dialog).

Listed here so that lupdate keeps them in our .ts; our translator is installed after Qt's, so its entries for
Qt's contexts are the ones used. Nothing imports this module: lupdate reads the text.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


STRINGS = [
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
]

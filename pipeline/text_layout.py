"""The units in which both the PDF reader and the OCR layout write a page as text.

One space per printed character width from the document's left margin, never more than
``MAX_INDENT``; a blank line where the line pitch is ``PARAGRAPH_GAP`` times the usual one or more.
The extractors read a letter's blocks from that layout (an indented paragraph, a signature block
right of the contact block), so text layers and scans must agree on it.

>>> MAX_INDENT, PARAGRAPH_GAP
(80, 1.6)
"""

PARAGRAPH_GAP = 1.6  # a line pitch this many times the usual one hides an empty line
MAX_INDENT = 80  # character widths: a line is never indented further

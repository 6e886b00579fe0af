"""A second, independent generator and renderer of Thai official letters with truth.

Written apart from the project's first corpus generator (``workbench.corpus``), from the rules of
Thai official correspondence (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ), so saraban can be measured on
letters it was never tuned on. Modules, one job each:

- ``thai``: Thai digits, B.E. dates as printed (``๑๔ มิถุนายน พ.ศ. ๒๕๖๖``, ``15 ก.ย. 65``), wrapping
- ``vocab``, ``agencies``: names, matters, offices with their letter codes (``มท ๐๘๑๐.๕``)
- ``cite``: numbers as printed and citations (``หนังสือ… ที่ … ลงวันที่ …``)
- ``compose``: letters of the six kinds and their truth
- ``txt``, ``docx_writer``, ``pdf``, ``scan`` (with ``marks``): the four formats
- ``corpus``: the whole corpus on disk; ``__main__``: the command line
"""

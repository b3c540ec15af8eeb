"""Writes the workbooks tst_xlsxreader reads, and what pandas (with openpyxl) reads from
them, as JSON: python3 make_workbooks.py OUT_DIR.

  openpyxl.xlsx   written by openpyxl: shared strings, numbers, dates and times, booleans,
                  missing and merged cells, two sheets
  mac1904.xlsx    openpyxl, the 1904 date system
  handmade.xlsx   XML written here: inline strings, formula results (t="str"), rich-text
                  shared strings, an error cell, a custom date format, no cell references
  damaged-*.xlsx  a malformed sheet, a shared string that does not exist, a cell reference
                  that is not one, a truncated archive
"""
import datetime
import json
import math
import sys
import zipfile

import openpyxl
import pandas as pd
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out = sys.argv[1]


def reference(path, sheet=0):
    frame = pd.read_excel(path, sheet_name=sheet, engine="openpyxl")
    columns = []
    for name in frame.columns:
        s = frame[name]
        values = []
        kind = "num"
        if pd.api.types.is_datetime64_any_dtype(s):
            for v in s:
                values.append(None if pd.isna(v) else (v - pd.Timestamp(1970, 1, 1)).total_seconds())
        else:
            for v in s:
                if v is None or (isinstance(v, float) and math.isnan(v)):
                    values.append(None)
                elif isinstance(v, bool):
                    values.append(1.0 if v else 0.0)
                elif isinstance(v, (int, float)):
                    values.append(float(v))
                elif isinstance(v, (datetime.datetime, pd.Timestamp)):
                    values.append((pd.Timestamp(v) - pd.Timestamp(1970, 1, 1)).total_seconds())
                elif isinstance(v, datetime.time):
                    values.append(v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6
                                  - 25569 * 86400.0)
                else:
                    values.append(str(v))
                    kind = "text"
        column = {"name": str(name), "kind": kind, "values": values}
        # Sextant's date flag: pandas' datetime64 columns are dates, its int/float/bool
        # columns are not (a column of times of day is neither here).
        if pd.api.types.is_datetime64_any_dtype(s):
            column["date"] = True
        elif pd.api.types.is_numeric_dtype(s):
            column["date"] = False
        columns.append(column)
    return {"rows": len(frame), "columns": columns}


refs = {}

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Data"
ws.append(["name", "price", "qty", "when", "flag", "note"])
rows = [
    ["bolt", 0.1, 3, datetime.datetime(2024, 2, 29, 13, 45, 30), True, "merged"],
    ["nut", 1 / 3, None, datetime.datetime(1999, 12, 31), False, None],
    ["Zürich ✓", -2.5e-12, 7, datetime.datetime(1900, 3, 1), True, "x"],
    ["say \"hi\", ok", 123456789012.5, 0, None, None, "y"],
    [None, 1.2345678901234567e300, -4, datetime.datetime(2001, 1, 1, 0, 0, 1), False, "z"],
]
for r in rows:
    ws.append(r)
ws.merge_cells("F2:F3")
for cell in ws["D"][1:]:
    cell.number_format = "yyyy-mm-dd hh:mm:ss"
other = wb.create_sheet("Other")
other.append(["a", "b"])
other.append([1, "one"])
other.append([2, "two"])
wb.save(f"{out}/openpyxl.xlsx")
refs["openpyxl"] = reference(f"{out}/openpyxl.xlsx")
refs["openpyxl/Other"] = reference(f"{out}/openpyxl.xlsx", "Other")

mac = openpyxl.Workbook()
mac.epoch = CALENDAR_MAC_1904
ms = mac.active
ms.title = "Mac"
ms.append(["day", "n"])
for i, d in enumerate([datetime.datetime(1904, 1, 2), datetime.datetime(2020, 6, 15, 12)]):
    ms.append([d, i])
    ms.cell(row=i + 2, column=1).number_format = "dd/mm/yyyy hh:mm"
mac.save(f"{out}/mac1904.xlsx")
refs["mac1904"] = reference(f"{out}/mac1904.xlsx")

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Hand made" sheetId="1" r:id="rIdSheet"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdSheet" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>
<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""
STRINGS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<si><t>label</t></si>
<si><r><rPr><b/></rPr><t>bo</t></r><r><t xml:space="preserve">ld text</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>
<si><t>amount</t></si>
</sst>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="[$-409]d\\-mmm\\-yy;@"/><numFmt numFmtId="165" formatCode="0.00&quot; days&quot;"/></numFmts>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>
</styleSheet>"""


def sheet(rows_xml):
    return ("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""
            + rows_xml + "</sheetData></worksheet>")


GOOD_ROWS = """
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="inlineStr"><is><t>when</t></is></c><c r="D1" t="inlineStr"><is><t>kept</t></is></c></row>
<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="2"><v>1.5</v></c><c r="C2" s="1"><v>45351</v></c><c r="D2" t="b"><v>1</v></c></row>
<row r="3"><c r="A3" t="str"><f>UPPER("x")</f><v>X</v></c><c r="B3"><f>1+1</f><v>2</v></c><c r="C3" s="1"><v>36526.5</v></c><c r="D3" t="e"><v>#N/A</v></c></row>
<row><c t="inlineStr"><is><t>no refs</t></is></c><c><v>-7</v></c><c s="1"><v>1</v></c><c t="b"><v>0</v></c></row>
"""


def write_zip(path, sheet_xml, strings=STRINGS, truncate=False):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/sharedStrings.xml", strings)
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/worksheets/data.xml", sheet_xml)
    if truncate:
        data = open(path, "rb").read()
        open(path, "wb").write(data[: len(data) // 2])


write_zip(f"{out}/handmade.xlsx", sheet(GOOD_ROWS))
refs["handmade"] = reference(f"{out}/handmade.xlsx")
write_zip(f"{out}/damaged-xml.xlsx", sheet(GOOD_ROWS).replace("</row>\n<row r=\"3\">", "<row r=\"3\">", 1))
write_zip(f"{out}/damaged-string.xlsx", sheet(GOOD_ROWS.replace('<c r="B1" t="s"><v>2</v>', '<c r="B1" t="s"><v>99</v>')))
write_zip(f"{out}/damaged-ref.xlsx", sheet(GOOD_ROWS.replace('r="C3"', 'r="C-3"')))
write_zip(f"{out}/damaged-truncated.xlsx", sheet(GOOD_ROWS), truncate=True)

json.dump(refs, open(f"{out}/reference.json", "w"), indent=1)

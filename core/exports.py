"""What every report needs: percentages rounded one way, and for CSV/XLSX exports spreadsheet-safe cells,
UTF-8 CSV that Excel opens, workbook bytes and the download response. Each report keeps its own layout."""

import csv
import io
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.http import HttpResponse
from django.utils.functional import Promise

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Cells starting with these are read as formulas by spreadsheet programs (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def percent(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` in percent with one decimal, rounded half up; None when `whole` is zero."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def spreadsheet_text(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_cell(value) -> str:
    """Numbers stay numbers, dates become ISO dates, text is neutralised."""
    if value is None:
        return ""
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return spreadsheet_text(value)


def csv_text(rows: Iterable[Iterable]) -> str:
    """CSV with a byte-order mark, so Excel reads names with accents intact."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    csv.writer(buffer).writerows([csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def xlsx_cell(sheet, *, row: int, column: int, value, bold: bool = False):
    """Writes one cell: text stays text (openpyxl would store "=…" as a formula), dates and decimals get
    a display format."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    if isinstance(value, Promise):  # a lazy translation
        value = str(value)
    if isinstance(value, str):
        cell = sheet.cell(row=row, column=column, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"
    else:
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, date):
            cell.number_format = "DD-MM-YYYY"
        elif isinstance(value, Decimal) and value.as_tuple().exponent < 0:
            cell.number_format = "0." + "0" * -value.as_tuple().exponent
    if bold:
        cell.font = Font(bold=True)
    return cell


def workbook_bytes(workbook) -> bytes:
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()


def download(content: str | bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

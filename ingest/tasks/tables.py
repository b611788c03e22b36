"""Task tables: one task per row with a lead (Cơ quan chủ trì / phối hợp / Thời gian)."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.tasks.common import _strip_span, patterns
from ingest.tasks.rows import _add_role, _task_row

# ---------------------------------------------------------------- tables

def _trafilatura_tables(text: str):
    """Yield tables as lists of rows of (start, end) cell spans, from trafilatura's `|`-line layout."""
    seps = [m for m in re.finditer(r"(?m)^\|[ \t]*$", text)]
    table: list[list[tuple[int, int]]] = []
    row: list[tuple[int, int]] = []
    for a, b in zip(seps, seps[1:], strict=False):
        between = text[a.end():b.start()]
        if "\n\n" in between and between.strip():  # a blank line inside a cell ends the table
            if row:
                table.append(row)
            if table:
                yield table
            table, row = [], []
            continue
        if not between.strip():
            if row:
                table.append(row)
            row = []
        else:
            s, e = a.end(), b.start()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            row.append((s, e))
    if row:
        table.append(row)
    if table:
        yield table


def _pipe_tables(text: str):
    """Yield tables of standard `| a | b |` rows."""
    table = []
    for line in re.finditer(r"(?m)^[ \t]*\|(.+\|)[ \t]*$", text):
        cells = []
        pos = line.start(1)
        for part in re.finditer(r"[^|]*\|", line.group(1)):
            s, e = pos + part.start(), pos + part.end() - 1
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            cells.append((s, e))
        if table and text.count("\n", table[-1][-1][1], line.start()) > 2:  # the |---| rule leaves a blank line
            yield table
            table = []
        table.append(cells)
    if table:
        yield table


@lru_cache(maxsize=1)
def _column_rx() -> list[tuple[str, re.Pattern]]:
    """(column, pattern of its folded header cell), in the order they are tried (patterns/tasks.yaml `table_columns`)."""
    return [(name, re.compile(rx)) for name, rx in patterns()["table_columns"].items()]


def _columns(folded: str, row: list[tuple[int, int]]) -> dict[str, int] | None:
    """Column of each known header cell, if the row is a task table's header; {} for a header of a table that holds
    no tasks (a list of administrative procedures)."""
    cols: dict[str, int] = {}
    for i, (s, e) in enumerate(row):
        cell = re.sub(r"\s+", " ", folded[s:e]).strip(" *:")
        if len(cell) > 60:  # a header cell is short; a long one is text caught before the table
            continue
        if re.search(patterns()["table_not_tasks"], cell):
            return {}
        for name, rx in _column_rx():
            if name not in cols and re.search(rx, cell):
                cols[name] = i
                break
    return cols if "lead" in cols and "content" in cols else None


_STT = re.compile(r"[\s*]*(?:\d{1,3}|[IVX]{1,5})[.\s*]*")


def _split_rows(text: str, table: list[list[tuple[int, int]]]):
    """Rows of a table, a row that runs into the next one split off: where a paywall cut the table, a row
    of dots stands between two rows with no empty cell (`... | ….... | 2 | Thành lập ... |`)."""
    for row in table:
        start = 0
        for k in range(3, len(row) - 2):
            if not re.search(r"\w", text[row[k - 1][0]:row[k - 1][1]]) and _STT.fullmatch(text[row[k][0]:row[k][1]]):
                yield row[start:k - 1]
                start = k
        yield row[start:]


def _line_tables(text: str):
    """Yield tables of the .docx reader's rows: one line per row, cells joined by ` | ` with no outer pipes (`TT | Tên
    nhiệm vụ | Sở, ngành chủ trì tham mưu | ...`; KH of UBND tỉnh Lào Cai on minerals, 2026)."""
    table = []
    last_end = -1
    for line in re.finditer(r"(?m)^[^\n]*?(?: \| [^\n]*?){2,}$", text):
        if not line.group(0).strip() or line.group(0).rstrip().endswith("|") and line.group(0).lstrip().startswith("|"):
            continue
        if table and text[last_end:line.start()].strip():
            yield table
            table = []
        cells, pos = [], line.start()
        for part in re.split(r"(?<=.) \| ", line.group(0)):
            s, e = pos, pos + len(part)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            cells.append((s, e))
            pos += len(part) + 3
        table.append(cells)
        last_end = line.end()
    if table:
        yield table


def _table_tasks(text, folded, doc, mentions, tasks, roles, seen, taken):
    for table in [*_trafilatura_tables(text), *_pipe_tables(text), *_line_tables(text)]:
        cols = None
        for row in _split_rows(text, table):
            if cols is None:
                cols = _columns(folded, row)
                if cols == {}:
                    break
                if cols is not None:
                    width, first = len(row), min(cols.values())
                    header = cols
                continue
            # cells before the header's first column (page header, signature ... caught in the header row)
            # are not in the data rows: shift the columns when a row is shorter than the header
            cols = {k: v - first for k, v in header.items()} if first and len(row) < width else header
            if _continuation(text, cols, row, width):
                # a merged-cell row lost its STT (and trailing) cells: `Xây dựng hạ tầng kỹ thuật ... | Trung tâm X`
                cols = {k: v - 1 for k, v in cols.items() if k != "stt" and v > cols["stt"]}
            elif len(row) < 3:
                continue
            if len(row) <= max(cols["content"], cols["lead"]):
                continue
            cs, ce = row[cols["content"]]
            ls, le = row[cols["lead"]]
            if ce - cs < 3 or not re.search(r"[^\W\d_]", text[ls:le]) or text[ls:le].rstrip("* ").endswith(":"):
                continue  # a row with no lead (`Địa chỉ: | 17 Nguyễn Gia Thiều | Điện thoại:` page chrome) is no task
            dl_src = None
            if "deadline" in cols and cols["deadline"] < len(row):
                ds, de = row[cols["deadline"]]
                dl_src = text[ds:de]
            taken.append((row[0][0], row[-1][1]))
            spans = {c: row[cols[c]] for c in ("lead", "partner") if c in cols and cols[c] < len(row)}
            for (ts, te), cells in _parallel(text, (cs, ce), spans):
                task = _task_row(doc, None, ts, te, text, "table", dl_src, cell=True)
                tasks.append(task)
                for col, (s, e) in cells.items():
                    for mn in mentions.within(s, e):
                        _add_role(roles, seen, task["id"], mn["body_id"], col, mn["raw"])


def _continuation(text: str, cols: dict[str, int], row: list[tuple[int, int]], width: int) -> bool:
    """A data row whose STT cell is missing (a merged cell the layout dropped): shorter than the header,
    and where the STT should be stands a sentence, the content, followed by the lead cell."""
    k = cols.get("stt")
    if k is None or k + 1 != cols["content"] or cols["lead"] <= cols["content"] or not 2 <= len(row) < width:
        return False
    s, e = row[k]
    first = text[s:e]
    return not _STT.fullmatch(first) and len(first.split()) >= 4 and not first.lstrip().startswith("*")


_SENTENCE_LINE = re.compile(r"[.;]\s*\n(?=\s*[A-ZÀ-ỸĐ])")


def _parallel(text: str, content: tuple[int, int], cells: dict[str, tuple[int, int]]):
    """(content span, {role: cell span}) per task of one row. A row that holds n sentences in its content
    cell, each on its own line, and n lines in its lead cell (`Bố trí nhân lực ... \n Bố trí nhân lực ...`
    | `Các sở, ngành ... \n Sở Tài chính` | `Sở Tài chính \n Các sở, ngành ...`) is n tasks, line by line."""
    cs, ce = content
    cuts = [m.end() for m in _SENTENCE_LINE.finditer(text, cs, ce)]
    pieces = list(zip([cs, *cuts], [*cuts, ce], strict=True))
    if len(pieces) > 1 and "lead" in cells:
        lines = {c: _cell_lines(text, *span) for c, span in cells.items()}
        if len(lines["lead"]) == len(pieces):
            for i, (s, e) in enumerate(pieces):
                s, e = _strip_span(text, s, e)
                yield (s, e), {c: ls[i] if len(ls) == len(pieces) else cells[c] for c, ls in lines.items()}
            return
    yield content, cells


def _cell_lines(text: str, s: int, e: int) -> list[tuple[int, int]]:
    return [(s + m.start(), s + m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text[s:e])]

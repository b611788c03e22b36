"""Who must do what, by when: tasks and the roles of the bodies in them.

Four sources, in this order (a span already taken by an earlier source is not read again):
- `table`: rows of task tables (`STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian`),
  both trafilatura's layout (cells between lines holding only `|`) and `| a | b |` rows;
- `section` (items with fields): a content item whose children are assignment fields (`- Cơ quan chủ trì:
  ...`, `b) Cơ quan thực hiện:` over `- Đơn vị chủ trì: ...`, `- Thời gian thực hiện: ...`) is one task,
  like a table row: the fields give lead / responsible / partner and the deadline (patterns/tasks.yaml
  `item_fields`); an item whose fields name no body is not a task;
  Field paragraphs inside a bullet (`- Tổ chức tập huấn ...` / `*Đơn vị chủ trì thực hiện: *Sở X.` /
  `*Thời gian thực hiện: *Thường xuyên.`) count too: bullets sharing one field block are one task;
- `section`: inside a responsibility section (`TỔ CHỨC THỰC HIỆN`, `Trách nhiệm thực hiện` ...), a
  unit whose heading names bodies (`b) Giám đốc Sở Nội vụ`, `2. Các Sở, ngành chủ trì, quản lý ... thuộc
  Chương trình`, `1.5. Trách nhiệm của đối tượng thực hiện kiểm kê:`) gives one task per child bullet
  (`+` bullets stay inside the `-` above; a bullet wrapped after its label, `-\nPhân công ...`, is still one),
  or one task for its paragraph when it has no children; a `Thời gian thực hiện: ...` paragraph under a
  bullet is its deadline. A heading `Sở X chủ trì, phối hợp với Y, Z:` gives each bullet X as lead and Y, Z
  as partners; `Sở X chỉ đạo Chi cục Y thực hiện ... sau:` gives both X and Y. An item that opens with its
  holder and a colon (`2. Sở Tài chính: Căn cứ ...`) is one task, holder included. A heading of body names
  only over items (`1. Thủ trưởng các sở ...; Chủ tịch UBND các xã` over `a) ...`, a Chỉ thị with no
  responsibility section) counts wherever it stands, outside aims sections;
- `inline`: sentences that open with bodies (`Thủ trưởng các sở ... chịu trách nhiệm thi hành`,
  `Sở X có trách nhiệm ...`), or with `Giao X` / `Đề nghị X`, or that send a report to a body. A body
  followed by a verb with no cue word is a duty only in responsibility sections, Kinh phí, decision
  articles or unsectioned text (in `Các bước đánh giá` it is a step of the method). Later sentences of a
  numbered item stay on its task; a paragraph opened by sentences with no duty (`Trên đây là Kế hoạch ...`)
  is the task from its start.

Roles come from cue words (patterns/tasks.yaml) in front of a list of bodies (`phối hợp với X, Y
và Z` -> partner) or after the subject (`X chủ trì` -> lead). The heading's bodies are `responsible`.
underthesea tags only the first words of each task (for `action`).
"""

from __future__ import annotations

import bisect
import calendar
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from ingest.bodies import fold_same_length

_PATTERNS = Path(__file__).parent / "patterns" / "tasks.yaml"


@lru_cache(maxsize=1)
def patterns() -> dict:
    return yaml.safe_load(_PATTERNS.read_text("utf-8"))


def _alt(words: list[str]) -> str:
    """Alternation, longest first; a space matches any white space run (trafilatura wraps lines)."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rx() -> dict:
    p = patterns()
    rx = {
        "heading": re.compile(r"(?<!\w)(?:" + "|".join(p["responsibility_headings"]["patterns"]) + r")(?!\w)"),
        "filler": re.compile(r"(?<!\w)(?:" + _alt(p["heading_fillers"]) + r")(?!\w)"),
        "before": [(role, re.compile(r"(?<!\w)(?:" + _alt(cues) + r")(?!\w)"))
                   for role, cues in p["roles_before"].items() if cues],
        "after": [(role, re.compile(r"[\s,]*(?:" + _alt(cues) + r")(?!\w)"))
                  for role, cues in p["roles_after"].items()],
        "opener": [(role, re.compile(r"(?:" + _alt(cues) + r")(?!\w)[\s:]*"))
                   for role, cues in p["assign_openers"].items()],
        "deadline": {k: re.compile(r"(?<!\w)" + v) for k, v in p["deadlines"].items()},
        "recurrence": [(k, re.compile(r"(?<!\w)(?:" + _alt(v) + r")(?!\w)")) for k, v in p["recurrence"].items()],
        "open_end": re.compile(r"[\s,]*(?:" + _alt(p["open_end"]) + r")(?!\w)"),
        "fields": [(k, re.compile(v)) for k, v in p["item_fields"].items()],
        "aims": re.compile(r"[*\s]*(?:" + "|".join(p["aims_headings"]) + r")(?!\w)"),
        "intro": re.compile(r"(?<!\w)(?:" + _alt(p["intro_ends"]) + r")\s*:?[\s*]*$"),
        "adverbial": re.compile(r"(?:" + _alt(p["adverbial_openers"]) + r")(?!\w)"),
        "holder": re.compile(r"(?:" + _alt(p["holder_headings"]) + r")(?!\w)"),
        "list_intro": re.compile(r"(?<!\w)(?:" + _alt(p["list_intro_ends"]) + r")\s*:[\s*_]*$"),
        "directs": re.compile(r"\s*(?:" + _alt(p["list_intro_directs"]) + r")\s+"),
        "duty_zone": re.compile(r"(?<!\w)(?:" + _alt(p["duty_zones"]) + r")(?!\w)"),
    }
    return rx


_CONNECTOR_WORDS = ["va", "voi", "cung", "cac", "co quan", "don vi", "dia phuong", "co lien quan", "lien quan", "chanh",
                    "tren dia ban", "trong pham vi chuc nang, nhiem vu cua minh", "trong pham vi chuc nang, nhiem vu",
                    "theo chuc nang, nhiem vu", "theo chuc nang, nhiem vu duoc giao"]


@lru_cache(maxsize=1)
def _connector() -> re.Pattern:
    """Text allowed between two bodies of one list: punctuation, `và`, `các`, titles."""
    words = _alt(_CONNECTOR_WORDS + patterns()["heading_fillers"])
    return re.compile(r"(?:[\s,;:()\-]|(?<!\w)(?:" + words + r")(?!\w))*")


def _is_connector(gap: str) -> bool:
    return _connector().fullmatch(gap) is not None


_LABEL = re.compile(r"\s*(?:[-+•*]|[a-zđ]\)|\d+(?:\.\d+)*[.)]|[IVXLC]+\.|Điều\s+\d+[a-z]?\.)\s*")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


# ---------------------------------------------------------------- deadlines and recurrence

def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_end(y: int, m: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    return _iso(y, m, calendar.monthrange(y, m)[1])


def parse_deadline(text: str, year: int | None = None, *, cell: bool = False) -> dict:
    """deadline_text, deadline_start, deadline_end of the first deadline in `text`, with its range: `Từ X đến
    Y` / `X - Y` (start of X, end of Y), `Từ X` or `Từ X đến khi kết thúc ...` (a start, no end).

    >>> parse_deadline("Từ ngày 01/01/2026 đến ngày 31/3/2026")["deadline_end"]
    '2026-03-31'
    """
    got, span = _one_deadline(text, year, cell=cell)
    if span is None:
        return got
    s, e = span
    f = fold_same_length(text)
    start, end = got["deadline_start"], got["deadline_end"]
    inside = re.match(r"tu\s", f[s:e]) is not None  # the cue opens the match (`từ ngày 01/01/2026`)
    since = inside or re.search(r"(?<!\w)tu\s*$", f[max(0, s - 6):s]) is not None
    joint = re.compile(r"\s*(?:[-–]|den|toi)\s*").match(f, e)
    if joint and end is not None:
        rest = text[joint.end():]
        nxt, nspan = _one_deadline(rest, year, cell=True)
        if nspan is not None and not rest[:nspan[0]].strip() and nxt["deadline_end"] != end:
            end, e = nxt["deadline_end"], joint.end() + nspan[1]
        elif since:
            end = None
    elif since:
        end = None
    if since and not inside:  # the deadline text opens with `Từ`
        s -= len(f[:s]) - len(f[:s].rstrip()) + 2
    if since:
        start = start or got["deadline_end"]
    return {"deadline_text": text[s:e], "deadline_start": start, "deadline_end": end}


def _one_deadline(text: str, year: int | None = None, *, cell: bool = False) -> tuple[dict, tuple[int, int] | None]:
    """deadline_text, deadline_start, deadline_end of the first deadline in `text`.

    `year` fills a bare `Quý III`; `cell` (a deadline column) accepts forms without a cue word.

    >>> parse_deadline("Quý III/2021")["deadline_end"]
    '2021-09-30'
    """
    rx = _rx()["deadline"]
    f = fold_same_length(text)
    found = []
    m = rx["quarter"].search(f)
    if m:
        q = _ROMAN.get(m.group("q")) or int(m.group("q"))
        y = int(m.group("y")) if m.group("y") else year
        if y:
            found.append((m, _iso(y, 3 * q - 2, 1), _month_end(y, 3 * q)))
    m = rx["half"].search(f)
    if m:
        y = int(m.group("y")) if m.group("y") else year
        if y:
            found.append((m, _iso(y, 1, 1), _iso(y, 6, 30)) if m.group("h") == "dau" else (m, _iso(y, 7, 1), _iso(y, 12, 31)))
    for m in rx["date"].finditer(f):
        if not (m.group("cue") or cell):
            continue
        y = int(m.group("y")) if m.group("y") else year
        if not y:
            continue
        d = _iso(y, int(m.group("m")), int(m.group("d")))
        if d:
            before = m.group("cue") not in (None, "trong")
            found.append((m, None if before else d, d))
            break
    if cell and not found:
        m = rx["bare_date"].search(f)
        if m:
            d = _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if d:
                found.append((m, d, d))
    for m in rx["month"].finditer(f):
        if not (m.group("cue") or cell):
            continue
        y, mo = int(m.group("y")), int(m.group("m"))
        if m.group("cue") == "truoc" and 1 <= mo <= 12:
            prev = date(y, mo, 1).toordinal() - 1
            found.append((m, None, date.fromordinal(prev).isoformat()))
        elif m.group("cue") in ("den het", "den", "cham nhat"):
            found.append((m, None, _month_end(y, mo)))
        else:
            m0 = int(m.group("m0")) if m.group("m0") else mo  # `Tháng 11 - 12/2025`
            found.append((m, _iso(y, m0, 1) if 1 <= m0 <= 12 else None, _month_end(y, mo)))
        break
    if not found:
        for m in rx["year"].finditer(f):
            if not (m.group("cue") or cell or _rx()["open_end"].match(f, m.end())):
                continue  # (`năm 2025 và các năm tiếp theo` is a span even with no cue; CT 012/CT-UBND Đắk Lắk)
            y = int(m.group("y"))
            if m.group("cue") == "truoc":
                found.append((m, None, _iso(y - 1, 12, 31)))
            elif m.group("cue") in ("den het", "den", "cham nhat"):
                found.append((m, None, _iso(y, 12, 31)))
            else:
                found.append((m, _iso(y, 1, 1), _iso(y, 12, 31)))
            break
    if not found:
        return {"deadline_text": None, "deadline_start": None, "deadline_end": None}, None
    m, start, end = min(found, key=lambda x: x[0].start())
    if _rx()["open_end"].match(f, m.end()):  # `Năm 2025 và các năm tiếp theo`: a start, no end
        end = None
    s, e = m.span()
    while s < e and text[s].isspace():
        s += 1
    return {"deadline_text": text[s:e], "deadline_start": start, "deadline_end": end}, (s, e)


def parse_recurrence(text: str) -> str | None:
    """`Thường xuyên` -> continuous, `hằng năm` -> annual, `định kỳ 6 tháng` -> semiannual ..."""
    f = fold_same_length(text)
    for kind, rx in _rx()["recurrence"]:
        if rx.search(f):
            return kind
    return None


# ---------------------------------------------------------------- action

@lru_cache(maxsize=4096)
def leading_action(text: str) -> str | None:
    """The leading verb phrase of a task (`Xây dựng`, `Hướng dẫn, đôn đốc`), tagging only its first words."""
    head = " ".join(text.split()[:8])
    if not head:
        return None
    low = head.lower()
    for a in patterns()["actions"]:
        if low.startswith(a.lower()) and (len(low) == len(a) or not low[len(a)].isalnum()):
            return head[: len(a)]
    from underthesea import pos_tag

    tags = pos_tag(head)
    if not tags or tags[0][1] != "V":
        return None
    words = [tags[0][0]]
    i = 1
    while i < len(tags) and len(words) < 5:
        w, t = tags[i]
        if t == "V":
            words.append(w)
            i += 1
        elif t in ("CH", "C") and w in (",", "và") and i + 1 < len(tags) and tags[i + 1][1] == "V":
            words.append(w)
            i += 1
        else:
            break
    return re.sub(r"\s+,", ",", " ".join(words))


# ---------------------------------------------------------------- roles

@lru_cache(maxsize=1)
def _open_groups() -> frozenset[str]:
    """Ids (without place) of the addressee groups a heading may go on describing (gazetteer `open`)."""
    from ingest.bodies import gazetteer

    return frozenset(f"group:{g['key']}" for g in gazetteer()["groups"] if g.get("open"))


class _Mentions:
    """Body mentions of one document, looked up by span."""

    def __init__(self, record: dict):
        self.rows = sorted(record.get("body_mentions", []), key=lambda m: m["start"])
        self.starts = [m["start"] for m in self.rows]
        groups = _open_groups()
        self.open = {b["id"] for b in record.get("bodies", [])
                     if any((x or "").split("@")[0] in groups for x in (b["id"], b.get("parent_id")))}

    def within(self, start: int, end: int) -> list[dict]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, lo=i)
        return [m for m in self.rows[i:j] if m["end"] <= end]


class _Taken:
    """Spans already read by an earlier source; `hit` is O(1) per query."""

    def __init__(self, n: int):
        self.mark = bytearray(n + 1)

    def append(self, span: tuple[int, int]) -> None:
        s, e = span
        self.mark[s:e] = b"\x01" * max(0, e - s)

    def hit(self, s: int, e: int) -> bool:
        return bool(self.mark[s] or self.mark[max(s, e - 1)])


def _roles_in(text: str, folded: str, start: int, end: int, mentions: list[dict]) -> list[tuple[dict, str]]:
    """(mention, role) for mentions in [start, end) that follow a role cue, directly or through a list."""
    events = []
    for role, rx in _rx()["before"]:
        for m in rx.finditer(folded, start, end):
            events.append((m.start(), m.end(), role, None))
    for mn in mentions:
        events.append((mn["start"], mn["end"], None, mn))
    events.sort(key=lambda e: (e[0], e[3] is not None))
    out = []
    prev_end, prev_role = None, None
    for s, e, role, mn in events:
        if mn is None:
            if prev_end is not None and s < prev_end:
                continue  # a cue inside a longer cue
            prev_end, prev_role = e, role
            continue
        gap = folded[prev_end:s] if prev_end is not None else None
        if prev_role and gap is not None and _is_connector(gap):
            out.append((mn, prev_role))
            prev_end = e
        else:
            prev_end, prev_role = e, None
    return out


def _cued(folded: str, pos: int, end: int) -> bool:
    """A role cue (`chủ trì`, `có trách nhiệm` ...) before the first comma after `pos` (`Sở, ban, ngành thuộc
    Ủy ban nhân dân Thành phố có trách nhiệm rà soát ...`; not `... tổng hợp biểu mẫu theo dự án, ... được
    phân công chủ trì`)."""
    m = re.compile(r"[.,;:]").search(folded, pos, end)
    clause_end = m.start() if m else end
    return any(rx.search(folded, pos, clause_end) for _, rx in _rx()["after"])


def _subject_roles(folded: str, pos: int, end: int) -> list[str]:
    """Roles the subject takes from the words right after it (`chủ trì`, `tham mưu`, `có trách nhiệm`)."""
    for role, rx in _rx()["after"]:
        if rx.match(folded, pos, end):
            return [role]
    return []


# ---------------------------------------------------------------- helpers

def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LABEL.match(text, start, end)
    if m:
        start = m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace()):
        end -= 1
    return start, end


def _task_row(doc: dict, unit_id, start: int, end: int, text: str, origin: str, deadline_src: str | None = None,
              cell: bool = False, action_from: int | None = None) -> dict:
    year = int(doc["issued_date"][:4]) if doc.get("issued_date") else None
    body = text[start:end]
    dl = parse_deadline(deadline_src if deadline_src is not None else body, year, cell=cell)
    rec = parse_recurrence(deadline_src if deadline_src is not None else body)
    return {"id": f"{doc.get('id')}#task-{start}", "document_id": doc.get("id"), "unit_id": unit_id,
            "start": start, "end": end, "text": body, "action": leading_action(text[action_from or start:end].lstrip(" ,:")), "origin": origin, **dl,
            "recurrence": rec}


def _add_role(rows: list[dict], seen: set, task_id: str, body_id: str, role: str, raw: str) -> None:
    key = (task_id, body_id, role)
    if key not in seen:
        seen.add(key)
        rows.append({"task_id": task_id, "body_id": body_id, "role": role, "raw": raw})


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


_COLUMNS = [("lead", r"chu tri"), ("partner", r"phoi hop"), ("deadline", r"thoi gian|thoi han|tien do|hoan thanh"),
            ("content", r"noi dung|nhiem vu|cong viec|ten|hoat dong|giai phap"), ("product", r"san pham|ket qua"),
            ("stt", r"^stt$|^tt$|so thu tu")]


def _columns(folded: str, row: list[tuple[int, int]]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for i, (s, e) in enumerate(row):
        cell = re.sub(r"\s+", " ", folded[s:e]).strip()
        if len(cell) > 60:  # a header cell is short; a long one is text caught before the table
            continue
        for name, rx in _COLUMNS:
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


def _table_tasks(text, folded, doc, mentions, tasks, roles, seen, taken):
    for table in [*_trafilatura_tables(text), *_pipe_tables(text)]:
        cols = None
        for row in _split_rows(text, table):
            if cols is None:
                cols = _columns(folded, row)
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


# ---------------------------------------------------------------- items with assignment fields

def field_kind(text: str) -> tuple[str, int] | None:
    """(`lead` | `partner` | `responsible` | `deadline`, where the value starts) when `text` opens with an
    assignment field (`- Cơ quan chủ trì: ...`), else None."""
    lm = _LABEL.match(text)
    pos = lm.end() if lm else 0
    folded = fold_same_length(text[:pos + 80])  # a field name opens the unit: no need to fold it all
    for kind, rx in _rx()["fields"]:
        m = rx.match(folded, pos)
        if m:
            return kind, m.end()
    return None


def inner_fields(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """(kind, field start, value start, value end) of the paragraphs of [start, end) after its first that
    open with an assignment field: trafilatura keeps unlabelled lines inside the bullet above them, so
    `- Tổ chức tập huấn ...` / `*Đơn vị chủ trì thực hiện: *Sở Tư pháp.` / `Thời\ngian thực hiện: Tháng
    12/2025.` is one unit whose later paragraphs are the item's fields."""
    out: list[tuple[str, int, int, int]] = []
    for m in _PARAGRAPH.finditer(text, start, end):
        p = m.end()
        if out and out[-1][3] == -1:
            out[-1] = (*out[-1][:3], m.start())
        k = field_kind(text[p:min(end, p + 120)]) if p < end else None
        if k:
            out.append((k[0], p, p + k[1], -1))
    if out and out[-1][3] == -1:
        out[-1] = (*out[-1][:3], end)
    return out


_CLAUSE_END = re.compile(r";|\.(?=\s)|\n\s*\n")


def _clauses(text: str, start: int, end: int):
    pos = start
    for m in _CLAUSE_END.finditer(text, start, end):
        yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def _field_roles(text, folded, kind, s, e, mentions) -> list[tuple[dict, str]]:
    """(mention, role) of one field value [s, e)."""
    ms = mentions.within(s, e)
    cued = _roles_in(text, folded, s, e, ms)
    if kind == "partner":
        return [(mn, "partner") for mn in ms]
    out = list(cued)
    done = {id(mn) for mn, _ in cued}
    for cs, ce in _clauses(text, s, e):
        while cs < ce and not text[cs].isalnum():
            cs += 1
        subj, pos = _subject_list(folded, cs, ce, [mn for mn in ms if cs <= mn["start"] < ce], loose=text)
        if not subj:
            continue
        after = set(_subject_roles(folded, pos, ce))
        if kind == "lead" or "lead" in after:
            got = ["lead"]
        else:
            got = ["responsible"]
        if re.match(r"[^.;]{0,30}?tham muu", folded[pos:ce]):
            got.append("advise")
        for mn in subj:
            if id(mn) not in done:
                out += [(mn, r) for r in got]
    return out


def _read_fields(text, folded, fields, mentions) -> tuple[list[tuple[dict, str]], str | None]:
    """(mention, role) and the deadline text of fields given as (kind, field start, value start, value end);
    `Đơn vị chủ trì tham mưu thực hiện: X` makes X lead and advise."""
    found: list[tuple[dict, str]] = []
    deadline_src = None
    for kind, fs, vs, ve in fields:
        if kind == "deadline":
            deadline_src = deadline_src or text[vs:ve].strip(" *_\n") or None
            continue
        got = _field_roles(text, folded, kind, vs, ve, mentions)
        if kind == "lead" and re.search(r"tham\s+muu", folded[fs:vs]):
            got += [(mn, "advise") for mn, r in got if r == "lead"]
        found += got
    return found, deadline_src


def _collect_fields(u: dict, kids: dict, kinds: dict, out: list[dict]) -> None:
    """The field units under `u`: its field children and theirs (`b) Cơ quan thực hiện:` > `- Đơn vị chủ trì:`)."""
    for c in sorted(kids.get(u["id"], []), key=lambda c: c["start"]):
        if c["id"] in kinds:
            out.append(c)
            _collect_fields(c, kids, kinds, out)


def _field_tasks(text, folded, units, doc, mentions, tasks, roles, seen, taken):
    """One task per item whose children are assignment fields; the fields give its bodies and deadline."""
    by_id = {u["id"]: u for u in units}
    kids: dict = {}
    for u in units:
        kids.setdefault(u.get("parent_id"), []).append(u)
    kinds = {}
    for u in units:
        if u["kind"] in _SKIP_KINDS:
            continue
        k = field_kind(u["text"])
        if k:
            kinds[u["id"]] = k
    items: dict = {}
    for uid in kinds:
        p = by_id.get(by_id[uid].get("parent_id"))
        while p is not None and p["id"] in kinds:  # `b) Cơ quan thực hiện:` over `- Đơn vị chủ trì: ...`
            p = by_id.get(p.get("parent_id"))
        if p is not None and p["kind"] not in _SKIP_KINDS:
            items.setdefault(p["id"], p)

    def subtree_end(u):
        end = u["start"] + len(u["text"])
        for c in kids.get(u["id"], []):
            end = max(end, subtree_end(c))
        return end

    _inner_field_tasks(text, folded, units, kids, kinds, doc, mentions, tasks, roles, seen, taken)
    for item in sorted(items.values(), key=lambda u: u["start"]):
        fields: list[dict] = []
        _collect_fields(item, kids, kinds, fields)
        if not fields:
            continue
        first = min(f["start"] for f in fields)
        s, e = _strip_span(text, item["start"], first)
        if e - s < 3 or taken.hit(s, e):
            continue
        found, deadline_src = _read_fields(text, folded, [
            (kinds[f["id"]][0], f["start"], f["start"] + kinds[f["id"]][1], f["start"] + len(f["text"])) for f in fields],
            mentions)
        if not any(r in ("lead", "responsible") for _, r in found):
            continue  # an item with no body assigned is not a task
        task = _task_row(doc, item["id"], s, e, text, "section", deadline_src, cell=deadline_src is not None)
        tasks.append(task)
        for mn, role in found:
            _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
        for mn, role in _roles_in(text, folded, s, e, mentions.within(s, e)):
            if role != "partner":  # the partners are the field's; `phối hợp với Bộ X` in the content is not
                _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
        taken.append((item["start"], max(subtree_end(item), e)))


def _own_end(u: dict, kids: dict) -> int:
    """Where the unit's own text ends: at its first child."""
    cs = [c["start"] for c in kids.get(u["id"], [])]
    return min(cs) if cs else u["start"] + len(u["text"])


def _inner_field_tasks(text, folded, units, kids, kinds, doc, mentions, tasks, roles, seen, taken):
    """Bullets followed by their own field paragraphs (`- Thường xuyên rà soát ...` / `*Đơn vị chủ trì thực
    hiện: *Các Sở, ngành ...` / `*Thời gian thực hiện: *Thường xuyên.`): one task per field block, from the
    first bullet after the previous block (bullets sharing one block are one item) to the block."""
    for siblings in kids.values():
        group: list[dict] = []
        for u in sorted(siblings, key=lambda u: u["start"]):
            if u["kind"] in _SKIP_KINDS or u["id"] in kinds or u.get("label") not in ("-", "+", "•"):
                group = []
                continue
            group.append(u)
            own = _own_end(u, kids)
            fl = inner_fields(text, u["start"], own)
            if not fl:
                continue
            first, group = group[0], []
            s, e = _strip_span(text, first["start"], fl[0][1])
            if e - s < 3 or taken.hit(s, e):
                continue
            found, deadline_src = _read_fields(text, folded, fl, mentions)
            if not any(r in ("lead", "responsible") for _, r in found):
                continue
            task = _task_row(doc, first["id"], s, e, text, "section", deadline_src, cell=deadline_src is not None)
            tasks.append(task)
            for mn, role in found:
                _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
            for mn, role in _roles_in(text, folded, s, e, mentions.within(s, e)):
                if role not in ("partner", "requested"):  # the fields say who takes part
                    _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
            taken.append((s, own))


# ---------------------------------------------------------------- sections

def _heading_span(text: str, unit: dict, children: list[dict]) -> tuple[int, int]:
    """The unit's heading line(s): from its start to a blank line or its first child."""
    end = children[0]["start"] if children else unit["end"]
    blank = text.find("\n\n", unit["start"], end)
    return unit["start"], (blank if blank != -1 else end)


def _body_heading(text: str, folded: str, span: tuple[int, int], mentions: _Mentions):
    """Mentions of a heading made of body names only (`a) Thủ trưởng các sở, ban, ngành ...`), else None."""
    s, e = span
    if e - s > 400:
        return None
    ms = mentions.within(s, e)
    if not ms:
        return None
    for d in re.finditer(r"\s[-–]\s", text[ms[0]["end"]:e]):  # `Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo`:
        cut = ms[0]["end"] + d.start()  # what follows the dash describes the body before it
        if not any(m["start"] < cut < m["end"] for m in ms):
            e, ms = cut, [m for m in ms if m["end"] <= cut]
            break
    rest = list(folded[s:e])
    for m in ms:
        rest[m["start"] - s:m["end"] - s] = " " * (m["end"] - m["start"])
    rest_s = "".join(rest)
    lm = _LABEL.match(text[s:e])
    if lm:
        rest_s = " " * lm.end() + rest_s[lm.end():]
    rest_s = _rx()["filler"].sub(" ", rest_s)
    last = ms[-1]
    if last["body_id"] in mentions.open and e - s <= 200 and not re.search(r"[.;:]", text[last["end"]:e]):
        # `5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp`: words describing the addressees
        rest_s = rest_s[:last["end"] - s]
    words = re.findall(r"[^\W\d_]+", rest_s)
    return ms if len(words) <= 2 else None


def _colon_holder(text: str, folded: str, s: int, e: int, mentions: _Mentions) -> tuple[list[dict], int] | None:
    """(mentions, where the task starts) of an item that opens with its holder and a colon (`2. Sở Tài chính:
    Căn cứ khả năng cân đối ngân sách, trình ...`, `4. Các cơ sở nuôi trồng thủy sản: Theo dõi ...`; KH
    235/KH-UBND Thanh Hóa, 2025), else None. A holder the gazetteer does not know (`Các cơ sở ...`) gives no
    mention but still opens a task."""
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    c = text.find(":", p, min(e, p + 160))
    if c == -1 or "\n\n" in text[p:c] or field_kind(text[p:c + 1]) or not re.search(r"\w", text[c + 1:e]):
        return None
    ms = mentions.within(p, c)
    q = p + len(folded[p:c]) - len(folded[p:c].lstrip(" *_"))
    om = next((m for _, rx in _rx()["opener"] if (m := rx.match(folded, q, c))), None)
    if om:  # `2. Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh:
        q = om.end()  # Phối hợp ...` (KH 0124/KH-UBND Đắk Lắk, 2025)
    if ms:
        subj, pos = _subject_list(folded, q, c, ms, loose=text)
        rest = _rx()["filler"].sub(" ", folded[pos:c])
        if subj and len(re.findall(r"[^\W\d_]+", rest)) <= 2:
            return subj, p
        if om and not re.search(r"[.;]", text[q:c]):
            return ms, p  # the addressees of `Đề nghị`: every body named before the colon
        return None
    words = re.findall(r"[^\W\d_]+", folded[p:c])
    if folded.startswith("cac ", p) and 2 <= len(words) <= 8 and not re.search(r"[\d.;,()]", text[p:c]):
        return [], p
    return None


def _holder_heading(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """Mentions that open a heading over bullets, the words after them describing the holder (`2. Các Sở,
    ngành chủ trì, quản lý, tham gia thực hiện các dự án ...`, `*1.5. Trách nhiệm của đối tượng thực hiện
    kiểm kê:*`), else None. A heading with `Trách nhiệm của` / `Nhiệm vụ của` names a holder even when the
    gazetteer does not know it (an empty list)."""
    s, e = span
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    ms = mentions.within(s, e)
    if e - p <= 800 and _rx()["list_intro"].search(folded, p, e):
        # `1. Giao Sở X là cơ quan đầu mối, chủ trì ...; tổ chức thực hiện các nhiệm vụ sau:` (QĐ 2853/QĐ-UBND
        # HCM, 2025): a sentence that introduces the bullets under it names their holder at its start
        q = p
        for _, orx in _rx()["opener"]:
            om = orx.match(folded, p, e)
            if om:
                q = om.end()
                break
        subj, pos = _subject_list(folded, q, e, ms)
        if subj:
            # `1. Sở X chỉ đạo Chi cục Y thực hiện các nội dung sau:` (KH 235/KH-UBND Thanh Hóa, 2025): the
            # body directed holds the duties with the one that directs it
            dm = _rx()["directs"].match(folded, pos, e)
            if dm:
                subj += _subject_list(folded, dm.end(), e, ms)[0]
            return subj
    if e - p > 400 or re.search(r"[.;](?!\S)", folded[p:e].rstrip(" *_\n")):
        return None  # a sentence, not a heading
    hm = _rx()["holder"].match(folded, p, e)
    subj, _ = _subject_list(folded, hm.end() if hm else p, e, ms)
    if subj or hm:
        return subj
    if ms and not _leading_verb(folded, p, e):
        # `1.3. Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, ...)`: the bodies it names
        return ms
    if folded.startswith("cac ", p) and not _leading_verb(folded, p, e):
        return []  # (the same heading when the gazetteer knows none of its names: a holder all the same)
    return None


def _subject_sentence(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """Mentions that open the sentence of an item over bullets when the sentence is itself a duty
    (`1. Các cơ quan, đơn vị, địa phương, doanh nghiệp căn cứ chức năng, nhiệm vụ được giao xây dựng kế hoạch
    ...;` over `- Giới thiệu điển hình ...`, `- Báo cáo Ủy ban nhân dân tỉnh ...`; KH 0124/KH-UBND Đắk Lắk,
    2025): its bodies hold the sentence and every bullet under it, else None."""
    s, e = span
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    body = folded[p:e].rstrip(" *_\n")
    if e - p > 800 or not re.search(r"[.;](?!\S)", body) or not body.endswith((".", ";", ":")):
        # a heading (no sentence) is for the heading readers; a sentence that runs on into the line below
        # (`... về trật tự xã hội` / `- Cơ quan thường trực Tổ công tác ...`, KH 308/KH-UBND Hà Nội) is no lead-in
        return None
    ms = mentions.within(p, e)
    subj, pos = _subject_list(folded, p, e, ms)
    if not subj or subj[0]["start"] > p:
        return None
    # the subject's verb or cue comes right after it, a few describing words allowed (`, doanh nghiệp căn cứ`)
    m = re.compile(r"[.;:]").search(folded, pos, e)
    clause = folded[pos:m.start() if m else e]
    if _cued(folded, pos, e) or re.match(r"(?:[\s,]+[^\W\d_]+){0,3}?[\s,]+can cu\b", clause):
        return subj
    return None


def _heading_cues(text: str, folded: str, span: tuple[int, int], holders: list[dict],
                  mentions: _Mentions) -> list[tuple[dict, str]]:
    """(mention, role) a heading over bullets gives each of them: `lead` for its holders when `chủ trì, phối hợp`
    follows them, and the bodies after `phối hợp với` as partners."""
    if not holders:
        return []
    s, e = span
    out = []
    if re.match(r"[\s,]*chu tri\s*,\s*phoi hop", folded[holders[-1]["end"]:e]):  # (not `các Sở chủ trì dự án`)
        out += [(mn, "lead") for mn in holders]
    own = {id(mn) for mn in holders}
    out += [(mn, role) for mn, role in _roles_in(text, folded, s, e, mentions.within(s, e))
            if role == "partner" and id(mn) not in own]
    return out


def _section_tasks(text, folded, units, doc, mentions, tasks, roles, seen, taken):
    kids: dict = {}
    for u in units:
        kids.setdefault(u.get("parent_id"), []).append(u)
    for v in kids.values():
        v.sort(key=lambda u: u["start"])
    heading_rx = _rx()["heading"]
    by_id = {u["id"]: u for u in units}
    aims = _rx()["aims"]

    def under_aims(u) -> bool:  # `I. MỤC ĐÍCH, YÊU CẦU`: bodies named there hold no duty
        while u is not None and not u.get("demand"):
            lm = _LABEL.match(text, u["start"], u["end"])
            if lm and aims.match(re.sub(r"\s+", " ", folded[lm.end():lm.end() + 60])):
                return True
            u = by_id.get(u.get("parent_id"))
        return False

    def is_section(u):
        head = fold_same_length((u.get("heading") or "") + " " + u["text"][:160])
        return bool(heading_rx.search(re.sub(r"\s+", " ", head)))

    def walk(u, inside):
        children = kids.get(u["id"], [])
        own = _rx()["holder"].match(folded, _strip_span(text, u["start"], u["end"])[0])  # `Trách nhiệm của X:`
        if not own and not inside and not children and u["kind"] == "item" and not under_aims(u) \
                and re.match(r"[ \t*_]*\n[ \t]*\n", text[_heading_span(text, u, children)[1]:u["end"]]):
            # `**9. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố**` over a paragraph with no items (Chỉ thị
            # 09/CT-UBND Cần Thơ, 2025): a heading of body names over one duty
            own = _body_heading(text, folded, _heading_span(text, u, children), mentions) is not None
        if not own and not inside and children and u["kind"] in ("item", "article") and not under_aims(u):
            # a Chỉ thị has no `Tổ chức thực hiện`: `1. Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã` over
            # `a) ...` items is a heading of body names over their duties wherever it stands; so is a decision's
            # `Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo` over `1. ...`, `2. Chủ trì, ...` clauses (QĐ
            # 986/QĐ-UBND Tuyên Quang, 2024)
            own = _body_heading(text, folded, _heading_span(text, u, children), mentions) is not None
        if (inside or own) and u.get("label") not in ("-", "+") and u["kind"] not in ("table", "recipients", "signature"):
            hspan = _heading_span(text, u, children)
            hm = _body_heading(text, folded, hspan, mentions)
            bullets = children and all(c.get("label") in ("-", "+", "•") for c in children)
            if hm is None and children and any(c.get("label") in ("-", "+", "•") for c in children):
                hm = _holder_heading(text, folded, hspan, mentions)
            lead_in = None
            if hm is None and inside and bullets:
                lead_in = _subject_sentence(text, folded, hspan, mentions)
                if lead_in is not None:
                    hm = lead_in
            colon = None
            if hm is None and not children and inside:
                colon = _colon_holder(text, folded, u["start"], u["end"], mentions)
                if colon is not None:
                    hm, hspan = colon[0], (u["start"], colon[1])
            subheads = children and all(c.get("label") not in ("-", "+", "•") and kids.get(c["id"]) for c in children)
            if hm is not None and not subheads:  # (`1. Nhiệm vụ của thành viên Ban Chỉ đạo` over `1.1. Trưởng Ban`)
                requested = bool(re.search(r"(?<!\w)de nghi", folded[hspan[0]:hspan[1]])) or (
                    colon is not None and re.match(r"[\s*_]*(?:de|kien) nghi(?!\w)", folded[colon[1]:colon[1] + 16]))
                # `2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở X, UBND các phường:` over bullets (KH
                # HCM 2025): every bullet is led by the heading's body, with the heading's partners
                inherited = [] if colon is not None else _heading_cues(text, folded, hspan, hm, mentions)
                spans = []
                if children:
                    p = hspan[1] + len(text[hspan[1]:children[0]["start"]]) - len(text[hspan[1]:children[0]["start"]].lstrip())
                    first = [] if p >= children[0]["start"] or text[p] not in "-+•" else [
                        (u["id"], *_strip_span(text, a, b)) for a, b in _bare_bullets(text, p, children[0]["start"], text[p])]
                    # (`1.2. Sở Tài chính ...` / `-\nTuyên truyền ...`: a first bullet the parser left in the heading)
                    spans = first + [(c["id"], *_strip_span(text, a, b)) for c in children if c["kind"] not in ("table",)
                             for a, b in _bare_bullets(text, c["start"], _item_end(text, c["start"], c["end"]),
                                                       c.get("label"))]
                    if lead_in is not None:  # the sentence that names the holder is a task of its own
                        spans = [(u["id"], *_strip_span(text, *hspan)), *spans]
                elif colon is not None:  # the task is the whole item, its holder included
                    s, e = _strip_span(text, colon[1], _item_end(text, colon[1], u["end"]))
                    spans = [(u["id"], s, e)]
                else:
                    p = hspan[1]
                    while p < u["end"] and text[p].isspace():
                        p += 1
                    s, e = _strip_span(text, p, _item_end(text, p, u["end"]))
                    if e > s:
                        spans = [(u["id"], s, e)]
                for uid, s, e in spans:
                    if taken.hit(s, e) or e - s < 3:
                        continue
                    # `Thời gian thực hiện: ...` (and other fields) under the bullet
                    found, dl = _read_fields(text, folded, inner_fields(text, s, e), mentions)
                    task = _task_row(doc, uid, s, e, text, "section", dl, cell=dl is not None)
                    tasks.append(task)
                    for mn, role in found:
                        _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
                    own_roles = _roles_in(text, folded, s, e, mentions.within(s, e))
                    # `3. Công an Thành phố, Bộ Tư lệnh Thành phố` over `Công an Thành phố chủ trì phối hợp với Bộ
                    # Tư lệnh Thành phố ...`: a heading body the task names as partner is a partner only
                    partners = {mn["body_id"] for mn, role in own_roles if role == "partner"}
                    holders = hm
                    gm = re.match(r"[\s*_]*giao\s", folded[s:e])
                    if gm:  # `b) Giao Thanh tra thành phố tổ chức thanh tra ...` under `8. Giám đốc Sở, Thủ trưởng
                        # cơ quan, ban, ngành` (Chỉ thị 09/CT-UBND Cần Thơ, 2025): the body given the item holds it
                        holders = _subject_list(folded, s + gm.end(), e, mentions.within(s, e))[0] or hm
                    for mn in holders:
                        if mn["body_id"] in partners and len(hm) > 1:
                            continue
                        _add_role(roles, seen, task["id"], mn["body_id"], "requested" if requested else "responsible",
                                  mn["raw"])
                        for role in _heading_roles(folded, s, e):
                            _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
                    for mn, role in [*inherited, *own_roles]:
                        _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
                    taken.append((s, e))
                taken.append(hspan)
                return
        inside = inside or is_section(u)
        for c in children:
            walk(c, inside)

    for u in kids.get(None, []):
        walk(u, False)


_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def _bare_bullets(text: str, start: int, end: int, label: str | None) -> list[tuple[int, int]]:
    """[start, end) split where a line holds only the item's own bullet label: trafilatura wraps `-\nPhân công,
    chỉ đạo ...` so that the parser keeps that bullet inside the one above it."""
    if label not in ("-", "+", "•"):
        return [(start, end)]
    out, pos = [], start
    for m in re.finditer(r"\n[ \t]*\n[ \t]*" + re.escape(label) + r"[ \t]*(?=\n)", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.start() + 1
    out.append((pos, end))
    return out


def _item_end(text: str, start: int, end: int) -> int:
    """Where an item's text ends: at a blank line before an unlabelled paragraph (the plan's closing
    `Trên đây là Kế hoạch ...` is not part of the last bullet above it)."""
    for m in _PARAGRAPH.finditer(text, start, end):
        if m.end() < end and not _LABEL.match(text, m.end()) and not text.startswith("|", m.end()) \
                and not field_kind(text[m.end():min(end, m.end() + 120)]):  # `Thời gian thực hiện: ...` is the item's
            return m.start()
    return end


def _heading_roles(folded: str, s: int, e: int) -> list[str]:
    """Extra roles of the heading's body from the task's own first words (`Chủ trì ...`, `Tham mưu ...`)."""
    out = []
    head = folded[s:min(e, s + 40)]
    if head.startswith("chu tri"):
        out.append("lead")
    if re.match(r"(?:[^.;]{0,40})tham muu", folded[s:e]):
        out.append("advise")
    if re.match(r"(?:theo doi|don doc|giam sat|kiem tra|huong dan, don doc)", head):
        out.append("monitor")
    return out


# ---------------------------------------------------------------- inline

_SKIP_KINDS = {"header", "title", "preamble", "basis", "proposal", "enacting", "recipients", "signature", "table"}
# A line break ends a sentence after end punctuation, before a blank line or a list label; trafilatura
# wraps running text mid-sentence, so other line breaks do not.
_SENT_END = re.compile(r"(?<!\bTP)(?<!\bTp)[.!?](?:/\.)?(?=\s+[A-ZÀ-ỸĐ(\-+])"
                       r"|(?<=[.;:!?])[ \t]*\n|\n(?=[ \t]*(?:\n|[-+•*][ \t]|[a-zđ]\)|\d+(?:\.\d+)*[.)][ \t]|[IVX]+\.))")


def _sentences(text: str, start: int, end: int):
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        yield pos, m.end() if text[m.start()] != "\n" else m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


_RECIPIENTS = re.compile(r"(?im)^[ \t*_]*n[oơ]i nh[aậ]n[ \t*_]*:?[ \t*_]*\n(?:[ \t]*\n)?(?:[ \t]*[-+•].*\n?)+")


def _inline_tasks(text, folded, units, doc, mentions, tasks, roles, seen, taken):
    by_start = sorted(units, key=lambda u: u["start"])
    skip = _Taken(len(text))
    for u in units:
        if u["kind"] in _SKIP_KINDS:
            skip.append((u["start"], u["end"]))
    for m in _RECIPIENTS.finditer(text):  # a `NƠI NHẬN` list the structure parser read as items (Nghị định
        skip.append((m.start(), m.end()))  # 202/2026/NĐ-CP): `- Thủ tướng, các Phó Thủ tướng Chính phủ;` is no duty
    by_id = {u["id"]: u for u in units}
    aims = _rx()["aims"]

    memo: dict = {}

    def under_aims(u) -> bool:  # `I. MỤC ĐÍCH, YÊU CẦU`, `2. Yêu cầu`, `Quan điểm`: no tasks there
        if u is None or u.get("demand"):
            return False
        if u["id"] not in memo:
            lm = _LABEL.match(text, u["start"], u["end"])
            memo[u["id"]] = bool(lm and aims.match(re.sub(r"\s+", " ", folded[lm.end():lm.end() + 60]))) or \
                under_aims(by_id.get(u.get("parent_id")))
        return memo[u["id"]]

    heading_rx, duty_rx = _rx()["heading"], _rx()["duty_zone"]
    zone: dict = {}

    def bare_ok(u) -> bool:  # inside a duty section, an article, or no section at all
        if u is None:
            return True
        if u["id"] not in zone:
            end = folded.find("\n\n", u["start"], u["start"] + 200)  # the heading, not the text under it
            head = re.sub(r"\s+", " ", folded[u["start"]:end if end != -1 else u["start"] + 200])
            if u["kind"] == "article" or heading_rx.search(head) or duty_rx.search(head):
                zone[u["id"]] = True
            elif u.get("label") and re.fullmatch(r"[IVXLC]+", u["label"]):
                zone[u["id"]] = False  # a part of the plan that assigns no duty (Nội dung, Nhiệm vụ, giải pháp)
            else:
                zone[u["id"]] = bare_ok(by_id.get(u.get("parent_id")))
        return zone[u["id"]]

    regions = []
    for u in by_start:
        if u["kind"] in _SKIP_KINDS or skip.hit(u["start"], u["start"] + 1) or under_aims(u):
            continue
        regions.append((u, u["start"], u["start"] + len(u["text"])))
    for u, rs, re_ in regions:
        for s, e in _sentences(text, rs, re_):
            s, e = _strip_span(text, s, e)
            if e - s < 10 or taken.hit(s, e):
                continue
            ms = mentions.within(s, e)
            found = _inline_assignment(text, folded, s, e, ms, bare_ok(u)) if ms else None
            last = tasks[-1] if tasks else None
            follows = (last and last["origin"] == "inline" and last["unit_id"] == u["id"] and last["end"] <= s
                       and not text[last["end"]:s].strip() and "\n\n" not in text[last["end"]:s])
            if not found and follows and text[u["start"]:u["start"] + 1] not in "-+•":
                found = [], None  # `1. Các cơ quan ... xây dựng Kế hoạch .... Định kỳ báo cáo ... hằng năm`: one item
            if not found:
                continue
            subj_roles, pred = found
            if not subj_roles and follows:
                # `... nghiêm túc triển khai thực hiện. Trong quá trình thực hiện, ... kịp thời phản ánh về X`:
                # a duty with no subject of its own goes on the task before it
                last["end"], last["text"] = e, text[last["start"]:e]
                for k, v in _task_row(doc, u["id"], s, e, text, "inline").items():
                    if k.startswith(("deadline", "recurrence")) and v and not last.get(k):
                        last[k] = v
                for mn, role in _roles_in(text, folded, s, e, ms):
                    _add_role(roles, seen, last["id"], mn["body_id"], role, mn["raw"])
                taken.append((s, e))
                continue
            if not subj_roles and not any(r == "report_to" for _, r in _roles_in(text, folded, s, e, ms)):
                continue  # a duty with no subject and nothing sent to a body, after no task to go on
            ts = _paragraph_lead(text, rs, s, taken)
            task = _task_row(doc, u["id"], ts, e, text, "inline", action_from=pred if ts == s else None)
            if ts != s:
                task["action"] = leading_action(text[pred or s:e].lstrip(" ,:"))
            tasks.append(task)
            for mn, role in subj_roles:
                _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
            for mn, role in _roles_in(text, folded, s, e, ms):
                _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
            taken.append((ts, e))


def _paragraph_lead(text: str, region_start: int, s: int, taken: _Taken) -> int:
    """Where an inline task starts: at its paragraph when sentences with no duty open the paragraph (`Trên đây
    là Kế hoạch giám sát ... năm 2025. Trong quá trình tổ chức thực hiện, ... đề nghị các cơ quan, đơn vị kịp
    thời phản ánh về Sở X`: the closing paragraph is the task), else `s`."""
    p = text.rfind("\n\n", region_start, s)
    p = region_start if p == -1 else p + 2
    p, _ = _strip_span(text, p, s)
    lead = text[p:s].rstrip()
    if p < s and lead.endswith(".") and not re.search(r":[ \t]*\n", lead) and not taken.hit(p, s) \
            and not _LABEL.fullmatch(lead):  # (`Chính phủ:\nĐiều 94 ...`: a heading line is no lead-in sentence)
        return p
    return s


def _proper_gap(text: str, folded: str, s: int, e: int) -> bool:
    """A gap of connectors and capitalised words only: a name the gazetteer does not know
    (`; Báo và Phát thanh Truyền hình Lai Châu và các sở ...`)."""
    words = re.findall(r"[^\W\d_]+", _connector().sub(" ", folded[s:e]).replace(",", " "))
    if not words:
        return True
    caps = 0
    for w in re.finditer(r"[^\W\d_]+", text[s:e]):
        caps += text[s + w.start()].isupper()
    return caps >= len(words)


def _subject_list(folded: str, pos: int, end: int, ms: list[dict], loose: str | None = None) -> tuple[list[dict], int]:
    """Mentions that follow `pos` joined only by titles and connectors, and where the list ends.
    With `loose` (the text), an unknown capitalised name may stand between two of them."""
    out = []
    for mn in ms:
        if mn["start"] < pos:
            continue
        if not _is_connector(folded[pos:mn["start"]]) and not (
                loose and out and _proper_gap(loose, folded, pos, mn["start"])):
            break
        out.append(mn)
        pos = mn["end"]
    return out, pos


def _with_responsible(roles: list[str]) -> list[str]:
    """The subject of a duty is responsible for it unless it leads it (`Sở X theo dõi, đôn đốc ...`:
    responsible and monitor)."""
    if not roles:
        return ["responsible"]
    return roles if {"lead", "responsible"} & set(roles) else [*roles, "responsible"]


@lru_cache(maxsize=1)
def _verbs() -> re.Pattern:
    return re.compile(r"(?:" + _alt([fold_same_length(a.lower()) for a in patterns()["actions"]]) + r")(?!\w)")


def _leading_verb(folded: str, s: int, e: int) -> bool:
    return _verbs().match(folded, s, e) is not None


def _exhortation(folded: str, s: int, e: int) -> bool:
    """`Yêu cầu các sở ... thực hiện nghiêm túc./.`: a closing call with no report, deadline or date."""
    part = folded[s:e]
    if not re.search(r"nghiem tuc", part):
        return False
    if any(role == "report_to" and rx.search(part) for role, rx in _rx()["before"]):
        return False
    return not (parse_deadline(part)["deadline_text"] or parse_recurrence(part))


_TITLES = ["thu truong", "giam doc", "chu tich", "nguoi dung dau", "lanh dao", "truong ban", "chi huy truong",
           "tong giam doc", "bo truong"]


_EXHORTED = object()  # an opener whose sentence is only a closing call (`... thực hiện nghiêm túc`)


def _opened(folded: str, at: int, s: int, e: int, ms):
    """`Giao X ...`, `Đề nghị X ...` starting at `at` in the sentence [s, e): ([(mention, role)], where the
    predicate starts), `_EXHORTED` when the sentence is only a closing call, or None when no opener applies."""
    for role, rx in _rx()["opener"]:
        m = rx.match(folded, at, e)
        if m:
            subj, pos = _subject_list(folded, m.end(), e, ms)
            if subj:
                if _exhortation(folded, s, e):
                    return _EXHORTED
                after = _subject_roles(folded, pos, e)
                return [(mn, r) for mn in subj for r in sorted({role, *after})], pos
    return None


def _inline_assignment(text, folded, s, e, ms, bare: bool = True):
    """([(mention, role)], where the predicate starts) when the sentence [s, e) assigns a duty, else None.

    `bare`: a body followed by a verb with no cue word (`Các sở, ngành chủ động bố trí ...`) is a duty; true
    in responsibility sections, Kinh phí, decision articles and text with no sections, false in content
    sections (`Các bước đánh giá`: `+ Các cơ quan, đơn vị liên quan thu thập thông tin ...` is a step)."""
    if _rx()["intro"].search(folded, s, e):  # `UBND tỉnh ban hành Kế hoạch ... như sau:` opens the plan
        return None
    cap = re.match(r"[^\W\d][^:.;\n]{0,30}:[ \t]*", folded[s:e])
    if cap and not any(s <= mn["start"] < s + cap.end() for mn in ms):
        # `- Báo cáo tháng: Sở Tài chính tổng hợp báo cáo ...` (Công văn 6397/UBND-KT Hà Nội, 2025): a caption,
        # then the subject
        subj, pos = _subject_list(folded, s + cap.end(), e, ms)
        nxt = re.search(r"[^\W\d_]", text[pos:e]) if subj else None
        if subj and subj[0]["start"] == s + cap.end() and nxt and nxt.group(0).islower() \
                and len(re.findall(r"\w+", folded[pos:e])) >= 3 and not _exhortation(folded, s, e):
            after = _with_responsible(_subject_roles(folded, pos, e))
            return [(mn, r) for mn in subj for r in after], pos
    opened = _opened(folded, s, s, e, ms)
    if opened:
        return None if opened is _EXHORTED else opened
    subj, pos = _subject_list(folded, s, e, ms)
    if subj:
        # `Ủy ban nhân dân tỉnh yêu cầu các sở ... triển khai`: the duty is on the bodies after the verb
        opened = _opened(folded, pos + len(folded[pos:e]) - len(folded[pos:e].lstrip(" \t\n,")), s, e, ms)
        if opened:
            return None if opened is _EXHORTED else opened
    if subj and not bare and not _cued(folded, pos, e):
        return None  # `+ Các cơ quan, đơn vị liên quan thu thập thông tin ...`: a step of the method, not a duty
    nxt = re.search(r"[^\W\d_]", text[pos:e]) if subj else None
    if subj and nxt and nxt.group(0).isupper():
        # `Chủ tịch Ủy ban nhân dân các cấp, Thủ trưởng các cơ quan có thẩm quyền xử phạt ... chịu trách nhiệm thi
        # hành Nghị định này` (Điều 11.3, NĐ 281/2026/NĐ-CP): a second titled subject the gazetteer does not know,
        # then the cue of the whole list
        tm = re.match(r"[\s,]*(?:va\s+)?(?:" + _alt(_TITLES) + r")\s", folded[pos:e])
        cm = re.compile(r"(?<!\w)(?:chiu|co)\s+trach\s+nhiem(?!\w)").search(folded, pos, e) if tm else None
        if cm and not re.search(r"[.;:]", folded[pos:cm.start()]):
            if _exhortation(folded, s, e):
                return None
            after = _with_responsible(_subject_roles(folded, cm.start(), e))
            return [(mn, r) for mn in subj for r in after], cm.start()
    if subj and len(re.findall(r"\w+", folded[pos:e])) >= 3 and nxt and nxt.group(0).islower():
        # (`Sở Tư pháp, Sở Khoa học và Công nghệ, Phòng Hành chính ...`: a list of names, no predicate)
        if _exhortation(folded, s, e):
            return None  # `Các cơ quan, đơn vị được phân công ... có trách nhiệm thực hiện nghiêm túc` (QĐ 2820 HCM)
        after = _with_responsible(_subject_roles(folded, pos, e))
        return [(mn, r) for mn in subj for r in after], pos
    m = _rx()["adverbial"].match(folded, s, e)
    if m:  # `Căn cứ nội dung Kế hoạch ..., các sở, ngành ... xây dựng kế hoạch`: the subject after the clause
        for c in re.finditer(r",", folded[m.end():min(e, s + 200)]):
            p = m.end() + c.end()
            p += len(folded[p:e]) - len(folded[p:e].lstrip())
            opened = _opened(folded, p, s, e, ms)  # `Trong quá trình thực hiện, nếu có vướng mắc, đề nghị X phản ánh`
            if opened:
                return None if opened is _EXHORTED else opened
            if not bare:
                continue
            subj, pos = _subject_list(folded, p, e, ms)
            if subj and len(re.findall(r"\w+", folded[pos:e])) >= 3:
                after = _subject_roles(folded, pos, e) or ["responsible"]
                return [(mn, r) for mn in subj for r in after], pos
    if _leading_verb(folded, s, e):  # `Tham mưu Ủy ban nhân dân Thành phố theo dõi ...`: no subject of its own
        return [], None
    # a subject inside the sentence: `Trên cơ sở Kế hoạch này, các sở ... tổ chức thực hiện`
    for mn in ms:
        after = _subject_roles(folded, mn["end"], e)
        if after:
            subj, pos = _subject_list(folded, mn["start"], e, ms)
            return [(x, r) for x in subj for r in (after or ["responsible"])], pos
    for role, rx in _rx()["before"]:
        if role == "report_to":
            for m in rx.finditer(folded, s, e):
                if any(mn["start"] >= m.end() and _is_connector(folded[m.end():mn["start"]]) for mn in ms):
                    # `..., vướng mắc các cơ quan, đơn vị kịp thời phản ánh về X`: the bodies just before the
                    # report cue are the ones that must report
                    for mn in ms:
                        if mn["end"] > m.start():
                            break
                        subj, pos = _subject_list(folded, mn["start"], m.start(), ms)
                        if subj and len(re.findall(r"\w+", folded[pos:m.start()])) <= 3:
                            return [(x, "responsible") for x in subj], pos
                    return [], None
    return None


# ---------------------------------------------------------------- công văn (administrative letter)

_KINH_GUI = re.compile(r"(?i)k[ií]nh\s+g[uử]i")
_CV_LABEL = re.compile(r"(?m)^[ \t*_]*(?:(?P<num>\d+(?:\.\d+)*)[.)](?=[ \t*_]|$)|(?P<let>[a-zđ])[.)][ \t]|(?P<bul>[-+•])[ \t])")


def _letter_units(text: str, units: list[dict]) -> list[dict]:
    """Units for the numbered paragraphs of a công văn that the structure parser left in one preamble
    (`Kính gửi: - Các sở, ban, ngành; - UBND các xã ...` then `1. Yêu cầu chung:` / `1.3.1. Đề nghị UBND các xã
    ...:` / `a. ...` / `- ...`; Công văn 6397/UBND-KT Hà Nội, 2025), so that the section and inline passes read
    them. Empty unless the letter has no articles and no item units after its `Kính gửi` list."""
    kg = _KINH_GUI.search(text, 0, min(len(text), 3000))
    if kg is None or any(u["kind"] in ("article", "item") for u in units):
        return []
    end = len(text)
    for rx in (_RECIPIENTS, re.compile(r"(?im)^[ \t*_|]*n[oơ]i nh[aậ]n")):
        m = rx.search(text, kg.end())
        if m:
            end = min(end, m.start())
    # the addressee list: bullets right after `Kính gửi`, up to the first paragraph that is not one
    start = kg.end()
    for m in re.finditer(r"(?m)^[ \t*_|]*(.*)$", text[kg.end():end]):
        line = m.group(1).strip(" *_|:")
        if line and not line.startswith(("-", "+", "•")):
            start = kg.end() + m.start()
            break
    found = [m for m in _CV_LABEL.finditer(text, start, end)]
    nums = [m for m in found if m.group("num")]
    if len(nums) < 2:
        return []
    out: list[dict] = []
    stack: list[tuple[int, dict]] = []  # (level, unit)
    for m in found:
        s = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t*_"))
        if m.group("num"):
            level, label = m.group("num").count(".") + 1, m.group("num")
        elif m.group("let"):
            level, label = 50, m.group("let")
        else:
            level, label = 100 + "-+•".index(m.group("bul")), m.group("bul")
        while stack and stack[-1][0] >= level:
            stack.pop()
        # in a letter, `1. Yêu cầu chung:` is what the addressees are asked to do, not the aims of a plan
        u = {"id": f"{len(out)}#cv", "parent_id": stack[-1][1]["id"] if stack else None, "kind": "item", "demand": True,
             "label": label, "heading": None, "start": s, "end": end, "ordinal": len(out), "depth": len(stack)}
        out.append(u)
        stack.append((level, u))
    # an item ends where the next item at its level or above starts
    for i, u in enumerate(out):
        for v in out[i + 1:]:
            p = v
            while p is not None and p["id"] != u["id"]:
                p = next((w for w in out if w["id"] == p["parent_id"]), None)
            if p is None:
                u["end"] = v["start"]
                break
        u["text"] = text[u["start"]:u["end"]]
    return out


# ---------------------------------------------------------------- entry point

def extract_tasks(text: str, units: list[dict], doc: dict, record: dict) -> dict:
    """Rows of `tasks` and `task_bodies` for one document; `record` holds the bodies step's rows."""
    folded = fold_same_length(text)
    mentions = _Mentions(record)
    tasks: list[dict] = []
    roles: list[dict] = []
    seen: set = set()
    taken = _Taken(len(text))
    _table_tasks(text, folded, doc, mentions, tasks, roles, seen, taken)
    _field_tasks(text, folded, units, doc, mentions, tasks, roles, seen, taken)
    _section_tasks(text, folded, units, doc, mentions, tasks, roles, seen, taken)
    _inline_tasks(text, folded, units, doc, mentions, tasks, roles, seen, taken)
    letter = _letter_units(text, units)
    if letter:
        _section_tasks(text, folded, letter, doc, mentions, tasks, roles, seen, taken)
        _inline_tasks(text, folded, letter, doc, mentions, tasks, roles, seen, taken)
    tasks.sort(key=lambda t: t["start"])
    return {"tasks": tasks, "task_bodies": roles}

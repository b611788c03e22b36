"""Content items whose children are assignment fields (`- Cơ quan chủ trì: ...`)."""

from __future__ import annotations

import re

from ingest.bodies import fold_same_length
from ingest.tasks.common import (
    _LABEL,
    _PARAGRAPH,
    _SKIP_KINDS,
    _bullet,
    _roles_in,
    _rx,
    _strip_span,
    _subject_roles,
)
from ingest.tasks.rows import _add_role, _task_row
from ingest.tasks.subjects import _subject_list

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
    for m in _FIELD_START.finditer(text, start, end):
        p = m.end()
        k = field_kind(text[p:min(end, p + 120)]) if p < end else None
        if out and out[-1][3] == -1 and (k or _PARAGRAPH.fullmatch(m.group(0))):
            out[-1] = (*out[-1][:3], m.start())  # (a field ends at the next field or paragraph)
        if k:
            out.append((k[0], p, p + k[1], -1))
    if out and out[-1][3] == -1:
        out[-1] = (*out[-1][:3], end)
    return out


# where a field may open: a paragraph, a line (a .docx paragraph is one line: `Lãnh đạo phụ trách: ...` / `Đơn vị chủ trì:
# Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Phòng Quản lý Năng lượng, ...`; KH of Sở Công Thương Lào Cai, 2026), or a
# `;` before another field on the same line
_FIELD_START = re.compile(r"\n[ \t]*\n\s*|\n[ \t]*|;[ \t]*")
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
        if kind == "fields":
            continue  # (`Cơ quan chủ trì, phối hợp` over its fields: the fields below give the roles)
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

    _inner_field_tasks(text, folded, units, kids, kinds, doc, mentions, tasks, roles, seen, taken, by_id)
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
            (kinds[f["id"]][0], f["start"], f["start"] + kinds[f["id"]][1], _value_end(f, kids, kinds, subtree_end))
            for f in fields], mentions)
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


def _value_end(f: dict, kids: dict, kinds: dict, subtree_end) -> int:
    """Where a field's value ends: its own text, or, for a name alone on its line, the bullets under it (`a) Cơ quan chủ
    trì` / `- Ban Chỉ đạo quốc gia.` / `- Các Bộ, ngành liên quan.`; KH 252/KH-BCĐQG1237, 2013)."""
    end = f["start"] + len(f["text"])
    below = kids.get(f["id"], [])
    if below and not f["text"][kinds[f["id"]][1]:].strip(" *_:\n") and not any(c["id"] in kinds for c in below):
        return subtree_end(f)
    return end


def _own_end(u: dict, kids: dict) -> int:
    """Where the unit's own text ends: at its first child."""
    cs = [c["start"] for c in kids.get(u["id"], [])]
    return min(cs) if cs else u["start"] + len(u["text"])


def _inner_field_tasks(text, folded, units, kids, kinds, doc, mentions, tasks, roles, seen, taken, by_id):
    """Bullets followed by their own field paragraphs (`- Thường xuyên rà soát ...` / `*Đơn vị chủ trì thực
    hiện: *Các Sở, ngành ...` / `*Thời gian thực hiện: *Thường xuyên.`): one task per field block, from the
    first bullet after the previous block (bullets sharing one block are one item) to the block."""
    for siblings in kids.values():
        group: list[dict] = []
        siblings = sorted(siblings, key=lambda u: u["start"])
        for u in siblings:
            if u["kind"] in _SKIP_KINDS or u["id"] in kinds or not _bullet(u.get("label")):
                group = []
                continue
            group.append(u)
            own = _own_end(u, kids)
            fl = inner_fields(text, u["start"], own)
            if not fl:
                continue
            first, group = group[0], []
            parent = by_id.get(first.get("parent_id"))
            if parent is not None and parent["kind"] == "item" and not _bullet(parent.get("label")) \
                    and siblings[0] is first and siblings[-1] is u and parent["id"] not in kinds:
                # `1. Tái cơ cấu ngành công nghiệp ...` / `- ...` / `- ...` / `Đơn vị chủ trì: ...`: one field block after
                # the item's last bullet, for all of them, is the item's; the item is the task (KH of Sở Công Thương Lào
                # Cai, 2026)
                first = parent
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

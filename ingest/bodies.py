"""Find mentions of government bodies and addressee groups, and give each body a stable id.

How it runs (see STYLE.md, "Speed"): the text is folded once to a same-length key text
(`Ủy ban` -> `uy ban`, so offsets carry over); a regex built from the first two words of every
gazetteer pattern picks candidate windows; a spaCy `SpanRuler` with phrase patterns built from
`gazetteer/bodies.yaml` runs only over those windows; the words after a match (`Thành phố`,
`tỉnh Đồng Tháp`, `TP.HCM`) give the jurisdiction, else the document's province does.

Ids: central `bo-noi-vu`; local `so-noi-vu@ho-chi-minh`, `ubnd@ho-chi-minh`,
`ubnd-thanh-pho-thu-duc@ho-chi-minh`; groups `group:cac-so-ban-nganh@ho-chi-minh`. A local body
with no known province keeps the bare key (`so-noi-vu`, jurisdiction NULL).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

import yaml

from ingest.identity import slug
from ingest.normalize import fix_tone_placement, fold

_GAZ = Path(__file__).parent / "gazetteer"


class _FoldTable(dict):
    """`str.translate` table folding one character to exactly one character (offsets hold)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = fold(ch)
        if len(out) != 1:
            out = ch.lower() if len(ch.lower()) == 1 else "_"
        self[code] = out
        return out


_FOLD_TABLE = _FoldTable()


def fold_same_length(text: str) -> str:
    """`fold` character by character, so that `len(result) == len(text)`.

    >>> fold_same_length("Sở Nội vụ")
    'so noi vu'
    """
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    return yaml.safe_load((_GAZ / "bodies.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def provinces() -> dict:
    return yaml.safe_load((_GAZ / "provinces.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _province_index() -> tuple[dict[str, str], dict[str, str]]:
    """folded surface form -> province name; province name -> type (`tỉnh` / `thành phố`)."""
    data = provinces()
    names: dict[str, str] = {}
    types: dict[str, str] = {}
    for row in data["before_2025"] + data["after_2025"]:
        types[row["name"]] = row["type"]
        for form in [row["name"], *row.get("aliases", [])]:
            names[_squash(fold(form))] = row["name"]
    return names, types


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def canonical_province(name: str | None) -> str | None:
    """`Thành phố Hồ Chí Minh` / `TP.HCM` / `Hồ Chí Minh` -> `Hồ Chí Minh`; unknown -> the input."""
    if not name:
        return None
    names, _ = _province_index()
    key = _squash(fold(name))
    key = re.sub(r"^(thanh pho|tp\.?|tinh)\s*", "", key) if key not in names else key
    if key in names:
        return names[key]
    # a noisy place line (`Đồng Tháp CỘNG HÒA XÃ HỘI ...`): the first province named in it
    hits = [(m.start(), names[_squash(m.group(0))]) for m in re.finditer(
        r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted(names, key=len, reverse=True)) + r")(?!\w)",
        _squash(fold(name)))]
    return min(hits)[1] if hits else name.strip()


def province_label(name: str) -> str:
    """`Hồ Chí Minh` -> `Thành phố Hồ Chí Minh`; `Đồng Tháp` -> `tỉnh Đồng Tháp`."""
    _, types = _province_index()
    return f"Thành phố {name}" if types.get(name) == "thành phố" else f"tỉnh {name}"


# ---------------------------------------------------------------- the pattern table

def _expand(pattern: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"\{(\w+)\}", pattern)
    if not m:
        return [pattern]
    out = []
    for form in macros[m.group(1)]:
        out.extend(_expand(pattern[: m.start()] + form + pattern[m.end():], macros))
    return out


@lru_cache(maxsize=1)
def body_templates() -> tuple[dict[str, dict], list[tuple[str, str]]]:
    """(label -> template, [(label, surface pattern)]) from the gazetteer.

    Labels: `central:<id>`, `local:<key>`, `dept:<slug>`, `group:<key>`.
    """
    gaz = gazetteer()
    local_forms = {row["key"]: row["patterns"] for row in gaz["local"]}
    macros = {"ubnd": local_forms["ubnd"][:2], "hdnd": local_forms["hdnd"][:2]}
    templates: dict[str, dict] = {}
    pats: list[tuple[str, str]] = []
    for row in gaz["central"]:
        bid = row.get("id") or slug(row["name"])
        label = f"central:{bid}"
        templates[label] = {**row, "id": bid, "scope": "central"}
        for p in [row["name"], *row.get("patterns", [])]:
            pats.append((label, p))
    for row in gaz.get("named_local", []):
        bid = slug(row["name"])
        label = f"named:{bid}"
        templates[label] = {**row, "id": bid, "scope": "named"}
        pats.append((label, row["name"]))
    for row in gaz["departments"]:
        key = "so-" + slug(row["name"])
        label = f"dept:{key}"
        templates[label] = {**row, "key": key, "name": f"Sở {row['name']}", "kind": "department", "scope": "local"}
        for p in [row["name"], *row.get("patterns", [])]:
            pats.append((label, f"Sở {p}"))
    for row in gaz["local"]:
        label = f"local:{row['key']}"
        templates[label] = {**row, "scope": "local"}
        for p in row["patterns"]:
            for form in _expand(p, macros):
                pats.append((label, form))
    for row in gaz["groups"]:
        label = f"group:{row['key']}"
        templates[label] = {**row, "kind": row.get("kind", "group"), "scope": "group"}
        for p in row["patterns"]:
            for form in _expand(p, macros):
                pats.append((label, form))
    return templates, pats


@lru_cache(maxsize=1)
def _nlp():
    """A blank Vietnamese pipeline whose tokenizer splits punctuation but keeps `30/6/2021` whole."""
    import spacy
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        prefix_search=re.compile(r"""^[\(\[“"'‘«*]""").search,
        suffix_search=re.compile(r"""(?:[,;:\)\]”"'’»!?*]|\.)$""").search,
        # (`Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao`: two names joined by a slash; QĐ 4385/QĐ-BVHTTDL)
        infix_finditer=re.compile(r"(?<=[a-z]),(?=[a-z])|(?<=[^\W\d_])/(?=[^\W\d_])").finditer,
    )
    templates, pats = body_templates()
    # Phrase patterns (hash lookups) only. The addressee groups' comma use varies (`các sở, ban, ngành` /
    # `các sở ban ngành`): each of their commas is optional, spelled out as one phrase per choice (at most
    # 2^4 for the longest lists). A token pattern with optional commas would match the same, but the token
    # matcher costs time per pattern and token, and the groups are a third of the table.
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "bodies", "validate": False,
                                               "phrase_matcher_attr": "LOWER"})
    rows = []
    seen = set()
    for label, surface in pats:
        key = _squash(fold(surface))
        toks = [t.text for t in nlp.make_doc(key)] if label.startswith("group:") else []
        commas = [i for i, t in enumerate(toks) if t in {",", ";"}]
        if len(commas) > 6:  # never in the table; kept correct all the same
            pattern = [{"LOWER": t, "OP": "?"} if t in {",", ";"} else {"LOWER": t} for t in toks]
            rows.append({"label": label, "pattern": pattern})
            continue
        variants = [key]
        for mask in range(1, 2 ** len(commas)):
            drop = {c for b, c in enumerate(commas) if mask >> b & 1}
            variants.append(" ".join(t for i, t in enumerate(toks) if i not in drop))
        for v in variants:
            if (label, v) not in seen:
                seen.add((label, v))
                rows.append({"label": label, "pattern": v})
    ruler.add_patterns(rows)
    return nlp


def _trie_regex(words: list[str]) -> str:
    """One regex for a set of literal strings, shared prefixes factored (fast alternation); a space
    matches white space and the commas between words (`Ban\nQuản lý`, `sở, ban, ngành`)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [(r"[\s,;]+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


@lru_cache(maxsize=1)
def _prefilter() -> re.Pattern:
    """Cue regex: the first three words of every pattern (or of its template's `cues`), on folded text (two let `tổ chức`, `cơ quan`,
    `doanh nghiệp` open a window at every use of those words)."""
    templates, pats = body_templates()
    heads = set()
    cues = [(label, c) for label, t in templates.items() for c in t.get("cues", [])]
    for label, surface in [*pats, *cues]:
        if templates[label].get("cues") and (label, surface) not in cues:
            continue  # `Thuế` opens a window only where a cue (`Thuế tỉnh`) stands, not at every tax
        words = re.findall(r"[^\s,;]+", _squash(fold(surface)))
        heads.add(" ".join(words[:3]))
    return re.compile(r"(?<![\w&./-])(?:" + _trie_regex(sorted(heads)) + r")(?![\w&])")


@lru_cache(maxsize=1)
def _tail_regex() -> re.Pattern:
    names, _ = _province_index()
    forms = sorted(names, key=len, reverse=True)
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(
        r"[ \t]*\n?[ \t]*(?:(?P<hcm>tp\.?\s?hcm|tphcm)|(?P<type>thanh\s+pho|tp\.|tp|t\.p\.|tinh)"
        rf"(?:[ \t]*\n?[ \t]*(?P<name>{alt}))?|(?P<bare>{alt}))(?![\w&])"
    )


_PLACE_TYPES = {"quan": ("Quận", "district"), "huyen": ("Huyện", "district"), "thi xa": ("Thị xã", "district"),
                "thanh pho": ("Thành phố", "district"), "phuong": ("Phường", "commune"), "xa": ("Xã", "commune"),
                "thi tran": ("Thị trấn", "commune")}
_SUBPLACE = re.compile(r"[ \t]+(quan|huyen|thi xa|thanh pho|phuong|xa|thi tran)[ \t]+")
_NAME_WORD = re.compile(r"(?:[A-ZÀ-ỸĐ][^\W_]*|\d+)(?=[ \t]|[^\w]|$)")

WINDOW = 90  # longer than the longest pattern (57 characters), so a window holds a whole name
_WS_ONE_NL = re.compile(r"(?<!\n)\n(?!\n)")


def _subplace(text: str, folded: str, pos: int) -> tuple[int, str, str] | None:
    """`thành phố Thủ Đức` / `Quận 1` right after `Ủy ban nhân dân`: (end, label, level)."""
    m = _SUBPLACE.match(folded, pos)
    if not m:
        return None
    end = m.end()
    words = []
    while len(words) < 4:
        w = _NAME_WORD.match(text, end)
        if not w:
            break
        words.append(w.group(0))
        end = w.end()
        nxt = re.match(r"[ \t]+", text[end:])
        if nxt and _NAME_WORD.match(text, end + nxt.end()):
            end += nxt.end()
        else:
            break
    if not words:
        return None
    kind, level = _PLACE_TYPES[m.group(1)]
    return end, f"{kind} {' '.join(words)}", level


_NAMED_TAIL = re.compile(r"[ \t]*\n?[ \t]*((?:[A-ZÀ-ỸĐ][^\W\d_]*)(?:[ \t]*\n?[ \t]*[A-ZÀ-ỸĐ][^\W\d_]*){0,2})(?![\w&])")


def _named_tail(text: str, folded: str, pos: int) -> tuple[int, str] | None:
    """(end, words) of a proper name right after a body name (`Khu kinh tế Đông Nam`), up to a place
    (`tỉnh`, a province) or another body; None when none."""
    m = _NAMED_TAIL.match(text, pos)
    if not m:
        return None
    names, _ = _province_index()
    words = []
    end = pos
    for w in re.finditer(r"[^\W\d_]+", text[m.start(1):m.end(1)]):
        ws = m.start(1) + w.start()
        f = _squash(folded[ws:ws + 40])
        if (re.match(r"(?:tinh|thanh|tp)(?!\w)", f) or _prefilter().match(folded, ws)
                or any(f.startswith(n) and not f[len(n):len(n) + 1].isalnum() for n in names)):
            break
        words.append(w.group(0))
        end = m.start(1) + w.end()
    return (end, " ".join(words)) if words else None


_LEVEL_PAIR = re.compile(r"[ \t]*\n?[ \t]*(cap[ \t]*\n?[ \t]*(?:tinh|thanh pho))[ \t]*(?:,|va)[ \t]*\n?[ \t]*"
                         r"(cap[ \t]*\n?[ \t]*xa)(?!\w)")
_AREA = re.compile(r"[ \t]*\n?[ \t]*tren[ \t]*\n?[ \t]*dia[ \t]*\n?[ \t]*ban(?!\w)")
_UBND_FORM = re.compile(r"(?:thuong truc\s+)?(?:uy ban nhan dan|ubnd|ub)\s+", re.I)
_LIST_HEAD = re.compile(r"[ \t]*:")
_BARE_KIND = re.compile(r"cac (?:so|bo|ban|nganh)")
_OTHER = re.compile(r"[ \t]*\n?[ \t]*khac(?![\w&])")
_CAP_LEVEL = re.compile(r"[ \t]*\n?[ \t]*cap(?=[ \t]*\n?[ \t]*(?:tinh|thanh pho|tp)(?!\w))")


def _jurisdiction_tail(text: str, folded: str, pos: int, doc_province: str | None):
    """(end, province, explicit) for the words after a body name; end == pos when none."""
    names, _ = _province_index()
    m = _tail_regex().match(folded, pos)
    if m:
        if m.group("hcm"):
            return m.end(), "Hồ Chí Minh", True
        name = m.group("name") or m.group("bare")
        if name:
            return m.end(), names[_squash(name)], True
        # `thành phố Thủ Đức`: a named place that is not a province is not our tail
        after = text[m.end():m.end() + 2].lstrip(" \t")
        if after[:1].isupper() and m.group("type") and m.group("type").startswith("thanh"):
            return pos, doc_province, False
        return m.end(), doc_province, True
    return pos, doc_province, False


def _body_row(bid, name, short, kind, level, jurisdiction, parent, is_group=0, valid_from=None, valid_to=None):
    return {"id": bid, "name": name, "short_name": short, "kind": kind, "level": level,
            "jurisdiction": jurisdiction, "parent_id": parent, "is_group": is_group,
            "valid_from": valid_from, "valid_to": valid_to}


def _local_id(key: str, prov: str | None) -> str:
    return f"{key}@{slug(prov)}" if prov else key


def _resolve(label: str, text: str, folded: str, start: int, end: int, doc_province: str | None):
    """(body row, mention end) for one ruler match, or None when it is not a body after all."""
    templates, _ = body_templates()
    t = templates[label]
    scope = t["scope"]
    if scope == "central":
        region = _REGION.match(folded, end) if t.get("region") else None
        if region:
            return _regional(t, t["id"], text, region), region.end()
        parent = t.get("parent") or ("chinh-phu" if t["kind"] in ("ministry", "agency") else None)
        return _body_row(t["id"], t["name"], t.get("short_name") or t["name"], t["kind"], "central", None, parent,
                         valid_from=t.get("valid_from"), valid_to=t.get("valid_to")), end
    if scope == "named":
        prov = t.get("jurisdiction")
        return _body_row(_local_id(t["id"], prov), t["name"], t["name"], t["kind"], "province", prov, None), end
    if (t["kind"] in ("press", "mass_org", "agency", "court", "procuracy") or t.get("proper")) and not text[start].isupper():
        return None  # `đài truyền hình` in lower case is a kind of thing, not a named body
    if t.get("central_docs") and doc_province:
        return None  # `các địa phương` in a provincial plan is where things happen, not an addressee (gold README)
    key = t.get("key") or label.split(":", 1)[1]
    if t.get("region"):
        region = _REGION.match(folded, end)
        if region:  # `Kho bạc Nhà nước khu vực XI`: a regional office of a central system, no province
            return _regional(t, key, text, region), region.end()
    if t.get("elided"):
        return _elided(t, text, folded, end, doc_province)
    if t.get("topic_tail"):
        return _topic_body(t, key, text, folded, end, doc_province)
    if scope == "group" and _LIST_HEAD.match(folded, end) and _BARE_KIND.fullmatch(_squash(folded[start:end])):
        return None  # `Các sở: Nông nghiệp và Môi trường, Tài chính`: a list of named bodies follows, each its own
    keep = t.get("keep_wording")
    if scope == "group":
        other = _OTHER.match(folded, end)
        if other:  # `Các Sở, ban, ngành khác`: the others than those named before, a group of its own wording
            end, keep = other.end(), True  # (`các cơ quan thông tấn báo chí khác`, KH 174 HCM: even for a pure-variant group)
    number = None
    if t.get("numbered"):
        number = _NUMBER.match(folded, end)
        if not number:
            return None
        end = number.end()
    tail_end, prov, explicit = _jurisdiction_tail(text, folded, end, doc_province)
    if key == "ubnd" and not (explicit and tail_end > end):
        sub = _subplace(text, folded, end)
        if sub:
            sub_end, place, level = sub
            _, prov, _ = _jurisdiction_tail(text, folded, sub_end, doc_province)
            bid = _local_id(f"ubnd-{slug(place)}", prov)
            parent = _local_id("ubnd", prov)
            return _body_row(bid, f"Ủy ban nhân dân {place}", f"UBND {place}", "people_committee", level, prov,
                             parent), sub_end
    if t.get("needs_tail") and not explicit:
        return None
    if scope == "group":
        level = t.get("level", "province")
        if level == "central":
            return _body_row(f"group:{key}", t["name"], t["name"], "group", "central", None, None, 1), end
        where = f" {province_label(prov)}" if prov else ""
        name = t["name"]
        parent = None
        level_word = _CAP_LEVEL.match(folded, end) if keep else None
        if level_word:  # `các sở, ban, ngành, đoàn thể cấp tỉnh`: the level is part of the wording
            end = level_word.end()
            tail_end, prov, _ = _jurisdiction_tail(text, folded, end, doc_province)
            where = f" {province_label(prov)}" if prov else ""
        wording = _squash(text[start:end])
        area = _AREA.match(folded, end) if keep and not explicit else None
        if area:  # `các doanh nghiệp viễn thông trên địa bàn Thành phố`: the area is part of the wording
            a_end, a_prov, a_explicit = _jurisdiction_tail(text, folded, area.end(), doc_province)
            if a_explicit and a_end > area.end():
                wording = f"{wording} trên địa bàn"
                tail_end, prov = a_end, a_prov
                where = f" {province_label(prov)}" if prov else ""
        ub = _UBND_FORM.match(fold_same_length(wording))
        if ub:  # `UBND xã, phường` -> `Ủy ban nhân dân các xã, phường`
            rest = wording[ub.end():]
            wording = "Ủy ban nhân dân " + ("" if re.match(r"(?i)c[aá]c\s|c[aấ]p\s", rest) else "các ") + rest
        if keep and not re.match(r"(?i)c[aá]c\s|ủy ban|uy ban", wording):
            wording = "các " + wording  # an addressee group is plural: `sở, ban, ngành` = `các sở, ban, ngành`
        canon = _canonical_order(wording, name) if keep else wording
        if keep and _related(slug(canon)) not in (_related(slug(name)), _related(slug(name)) + "-lien-quan"):
            # a group keeps its wording (`các sở, ngành có liên quan` is not `các sở, ban, ngành`);
            # the variant's parent is the group it is a form of. A `same_set` wording (`các đơn vị có liên quan`) names
            # the group's very set: it keeps its own id (ids are stable) but takes the group's name, one body by name.
            if _related(slug(canon)) not in _same_set(label):
                name = wording[:1].upper() + wording[1:]
            parent = f"group:{_local_id(key, prov)}"
            key = slug(canon)
        if t.get("place_free"):  # `các doanh nghiệp`, `các cơ quan được giao chủ trì`: not a body of the place
            where = ""
        return _body_row(f"group:{_local_id(key, prov)}", name + where, name, t["kind"], level, prov,
                         parent, 1), tail_end
    if t.get("named_tail") and not explicit:
        named = _named_tail(text, folded, end)
        if named:  # `Ban Quản lý Khu kinh tế Đông Nam` (Nghệ An): its own name, the province as a plain word
            name_end, words = named
            tail_end, prov, _ = _jurisdiction_tail(text, folded, name_end, doc_province)
            tail_end = max(tail_end, name_end)
            name = f"{t['name']} {words}" + (f" {prov}" if prov else "")
            return _body_row(_local_id(f"{key}-{slug(words)}", prov), name, f"{t['name']} {words}", t["kind"],
                             "province", prov, _local_id(key, prov) if prov else None), tail_end
    where = f" {province_label(prov)}" if prov else ""
    level_word = _CAP_LEVEL.match(folded, end) if t.get("level_in_name") and not explicit else None
    if level_word:  # `Ban Vận động cấp tỉnh`: the level is part of the name
        tail_end, prov, _ = _jurisdiction_tail(text, folded, level_word.end(), doc_province)
        where = f" cấp {province_label(prov)}" if prov else " cấp tỉnh"
    if number:  # `Thuế cơ sở 3 tỉnh Nghệ An`
        n = number.group(1).upper() if re.fullmatch(r"[ivxlc]+", number.group(1)) else number.group(1)
        return _body_row(_local_id(f"{key}-{n.lower()}", prov), f"{t['name']} {n}{where}", f"{t['name']} {n}",
                         t["kind"], "province", prov, _local_id(t["parent"], prov) if t.get("parent") else None,
                         valid_from=t.get("valid_from"), valid_to=t.get("valid_to")), tail_end
    if prov and t.get("party_committee"):  # `các Ban Xây dựng Đảng` of the province's party committee
        committee = "Thành ủy" if provinces_type(prov) == "thành phố" else "Tỉnh ủy"
        return _body_row(_local_id(key, prov), f"{t['name']} {committee} {party_place(prov)}", t["name"], t["kind"],
                         "province", prov, _local_id(slug(committee), prov), int(bool(t.get("is_group")))), tail_end
    if prov and t["kind"] == "press" and explicit and not re.search(r"tinh|thanh pho|tp", folded[end:tail_end]):
        where = f" {prov}"  # a paper is named with the bare place: `Báo và Phát thanh, Truyền hình Lai Châu`
    if prov and re.search(r"(Tỉnh|Thành) ủy$", t["name"]):
        where = f" {party_place(prov)}"  # party committees too: `Tỉnh ủy Nghệ An`, `Văn phòng Thành ủy Hà Nội`
    parent = None
    if t["kind"] == "department" or key == "van-phong-ubnd":
        parent = _local_id("ubnd", prov)
    elif t.get("parent"):
        parent = _local_id(t["parent"], prov)
    return _body_row(_local_id(key, prov), t["name"] + where, t["name"], t["kind"], "province", prov, parent,
                     int(bool(t.get("is_group"))), valid_from=t.get("valid_from"), valid_to=t.get("valid_to")), tail_end


_SEP = r"[ \t]*\n?[ \t]*"
_REGION = re.compile(rf"{_SEP}khu{_SEP}vuc{_SEP}([ivxlc]+|\d{{1,2}})(?![\w&])")
_NUMBER = re.compile(rf"{_SEP}(?:so{_SEP})?([ivxlc]+|\d{{1,3}})(?![\w&])")
_COMMUNE_GROUP = re.compile(rf"{_SEP}(?:,|va){_SEP}(?:uy ban nhan dan|ubnd){_SEP}"
                            rf"((?:cac{_SEP})?(?:xa|phuong|thi tran|dac khu)(?:{_SEP},?{_SEP}(?:xa|phuong|thi tran|dac khu))*"
                            rf"|cap{_SEP}xa)(?![\w&])")
_TOPIC_WORD = re.compile(rf"{_SEP}([^\W_]+|\d+)(?![\w&])")
_TOPIC_STOP = re.compile(r"(?:tinh|thanh pho|tp|thanh uy|tinh uy)(?![\w&])")
_TOPIC_FUNCTION = frozenset("trên cấp của là gồm và để về theo tại do với cho có được đã sẽ chủ phối kiện thực nhằm hoặc ở".split())
# a long topic (`Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Đồng Tháp`) may open
# with `về` and hold commas and `và`, but only when it runs on to the place
# what the committee does, not what it is for (`Ban Chỉ đạo ban hành ...`, `Ban Chỉ đạo khi cần thiết`, `Ban Chỉ đạo
# triệu tập ...`; QĐ 170/QĐ-BCĐNNDL, 2025, the rules of the Ban Chỉ đạo Nhà nước về Du lịch)
_TOPIC_VERB = re.compile(r"(?:ban hanh|quyet dinh|phe duyet|xem xet|thao luan|lam viec|moi|trieu tap|khi|trong|bang|nhung"
                         r"|lien quan|khong|phai|su dung|sua doi|tong hop|chuan bi|ket luan|cu|giai quyet|trinh|thong qua"
                         r"|phan cong|bao cao|kiem tra|chi dao|de nghi|yeu cau|giao|hop|to chuc|tham muu|dieu hanh|ky|o|nay"
                         r"|dua ra|ra|danh gia|huong dan|don doc|theo doi|dong y|xin|gui|nhan|tiep nhan|chiu"
                         # the committee's own people and ways (`Ban Chỉ đạo Trưởng ban giao`, `Ban Chỉ đạo ủy quyền`,
                         # `Ban Chỉ đạo định kỳ`; QĐ 170/QĐ-BCĐNNDL, 172/QĐ-BCĐPTCNBD, 2025)
                         r"|truong ban|pho truong ban|thanh vien|uy vien|uy quyen|dinh ky|thuoc|tai)(?![\w&])")
_TOPIC_LIST = re.compile(rf"[ \t]*,{_SEP}")
_TOPIC_JOINS = frozenset(("và",))
_CENTRAL_TOPIC = re.compile(r"(?:^| )(?:trung uong|quoc gia|chinh phu)(?: |$)")


def party_place(prov: str) -> str:
    """The place name a party body takes: `Nghệ An`, `Thành phố Hồ Chí Minh` (gazetteer `party_place`)."""
    return (gazetteer().get("party_place") or {}).get(prov, prov)


def provinces_type(prov: str) -> str | None:
    return _province_index()[1].get(prov)


def _regional(t: dict, key: str, text: str, region: re.Match) -> dict:
    """`Kho bạc Nhà nước khu vực XI`: named as the system's offices are (no province), parent the system."""
    code = text[region.start(1):region.end(1)]
    code = code.upper() if re.fullmatch(r"[ivxlcIVXLC]+", code) else code
    name = t["name"].removesuffix(" Việt Nam")
    parent = key if t["scope"] == "central" else None
    return _body_row(f"{slug(name)}-khu-vuc-{code.lower()}", f"{name} khu vực {code}", f"{name} khu vực {code}",
                     t["kind"], "province", None, parent)


def _elided(t: dict, text: str, folded: str, end: int, doc_province: str | None):
    """`Đảng ủy, UBND các xã, phường`: the commune party committees; the group's words are shared."""
    m = _COMMUNE_GROUP.match(folded, end)
    if not m:
        return None
    templates, _ = body_templates()
    g = templates["group:dang-uy-cac-xa-phuong"]
    _, prov, _ = _jurisdiction_tail(text, folded, m.end(), doc_province)
    where = f" {province_label(prov)}" if prov else ""
    return _body_row(f"group:{_local_id('dang-uy-cac-xa-phuong', prov)}", g["name"] + where, g["name"], g["kind"],
                     "commune", prov, None, 1), end


def _topic_body(t: dict, key: str, text: str, folded: str, end: int, doc_province: str | None):
    """`Ban Chỉ đạo công tác bảo vệ bí mật nhà nước tỉnh Nghệ An`: the topic words name the body. A bare
    `Ban Chỉ đạo` gets the id `{key}` for `find_body_spans` to resolve to the one last named."""
    names, _ = _province_index()
    long = _long_topic(text, folded, end, names)
    words, pos = [], end
    while len(words) < 12 and not long:
        w = _TOPIC_WORD.match(folded, pos)
        if not w or "\n\n" in folded[pos:w.start(1)]:
            break
        ws = w.start(1)
        f = _squash(folded[ws:ws + 40])
        national = text[ws:w.end(1)].lower() == "về" and _squash(fold(" ".join(words))) in ("nha nuoc", "quoc gia")
        if not national and (_TOPIC_STOP.match(f) or text[ws:w.end(1)].lower() in _TOPIC_FUNCTION
                             or any(f.startswith(n) and not f[len(n):len(n) + 1].isalnum() for n in names)
                             or _prefilter().match(folded, ws) or not words and _TOPIC_VERB.match(f)):
            break  # (`Ban Chỉ đạo Nhà nước về Du lịch`, `Ban Chỉ đạo quốc gia về ...`: a national committee's topic)
        words.append(text[ws:w.end(1)])
        pos = w.end(1)
    if long:
        words, pos = long
    topic = " ".join(words)
    if not topic:
        return _body_row(key, t["name"], t["name"], t["kind"], "province", None, None), end
    idkey = f"{key}-{slug(re.sub(r'(?i)^(?:công tác|về) ', '', topic))}"
    if _CENTRAL_TOPIC.search(_squash(fold(topic))):
        return _body_row(idkey, f"{t['name']} {topic}", f"{t['name']} {topic}", t["kind"], "central", None, None), pos
    area = _AREA.match(folded, pos)
    tail_end, prov, explicit = _jurisdiction_tail(text, folded, area.end() if area else pos, doc_province)
    if area and not (explicit and tail_end > area.end()):
        tail_end = pos
    where = f" {province_label(prov)}" if prov else ""
    return _body_row(_local_id(idkey, prov), f"{t['name']} {topic}{where}", f"{t['name']} {topic}", t["kind"],
                     "province", prov, _local_id("ubnd", prov) if prov else None), max(tail_end, pos)


def _place_at(folded: str, ws: int, names: dict) -> bool:
    f = _squash(folded[ws:ws + 40])
    return bool(_TOPIC_STOP.match(f)) or any(f.startswith(n) and not f[len(n):len(n) + 1].isalnum() for n in names)


def _long_topic(text: str, folded: str, end: int, names: dict) -> tuple[list[str], int] | None:
    """(topic words, end) of a topic that opens with `về` or holds `,` / `và`, when it runs on to the place; else None."""
    words, pos, joined = [], end, False
    while len(words) < 24:
        comma = _TOPIC_LIST.match(folded, pos) if words else None
        w = _TOPIC_WORD.match(folded, comma.end() if comma else pos)
        if not w or "\n\n" in folded[pos:w.start(1)]:
            return None
        ws = w.start(1)
        word = text[ws:w.end(1)]
        if _place_at(folded, ws, names):
            return (words, pos) if joined and words and words[-1].lower() not in _TOPIC_JOINS else None
        low = word.lower()
        if _prefilter().match(folded, ws) or (low in _TOPIC_FUNCTION and not (low in _TOPIC_JOINS and words)
                                               and not (low == "về" and not words)):
            return None
        joined = joined or bool(comma) or low in _TOPIC_JOINS or low == "về"
        if comma:
            words[-1] += ","
        words.append(word)
        pos = w.end(1)
    return None


_CODED_CUC = re.compile(r"Cục[ \t]+([ABCHKTX]\d{2})(?![\w&])")  # Bộ Công an departments: `Cục A03`
_UNIT_WORD = re.compile(r"[^\W_]+,?")


def _sub_unit(text: str, start: int, row: dict) -> tuple[int, dict] | None:
    """`Phòng Nội chính thuộc Văn phòng UBND tỉnh`: a named unit right before a provincial body is its own
    body, parent that body; (start, row) or None."""
    head = text[max(0, start - 100):start]
    at = head.rfind("Phòng")
    if at < 0 or head[at - 1:at].isalnum() or head[max(0, at - 4):at].lower() == "văn ":
        return None
    if not head[at + 5:at + 6].isspace() or "\n\n" in head[at:] or not head[-1:].isspace():
        return None
    words = head[at + 5:].split()
    # `Phòng Nội chính thuộc Văn phòng UBND tỉnh`; `Phòng Tham mưu - Công an tỉnh` (KH 182 Đồng Nai)
    sep = words[-1] if words and words[-1] in ("thuộc", "-", "–") else ""
    of = sep == "thuộc"
    words = words[:-1] if sep else words
    if (not 1 <= len(words) <= 10 or not words[0][:1].isupper() or words[-1].endswith(",")
            or any(not _UNIT_WORD.fullmatch(w) or w.lower() in ("thuộc", "và") for w in words)):
        return None
    unit = " ".join(words)
    joint = " thuộc" if of else " -" if sep else ""
    name = f"Phòng {unit}{joint} {row['name']}"
    base, _, prov = row["id"].partition("@")
    bid = f"phong-{slug(unit)}-{base}" + (f"@{prov}" if prov else "")
    short = f"Phòng {unit}{joint} {row['short_name']}"
    return start - len(head) + at, _body_row(bid, name, short, row["kind"], row["level"], row["jurisdiction"],
                                                    row["id"])


@lru_cache(maxsize=None)
def _same_set(label: str) -> frozenset[str]:
    """Keys of the wordings a group names its very set with (gazetteer `same_set`): one body with the group."""
    t = body_templates()[0][label]
    return frozenset(_related(slug(w)) for w in t.get("same_set", ()))


def _related(key: str) -> str:
    """`…-co-lien-quan` = `…-lien-quan`: `có` is wording; so is a `(có) liên quan` the group's name lacks
    (`các sở, ban, ngành có liên quan` is the group `các sở, ban, ngành`; eval/gold/bodies/README.md)."""
    return key.replace("-co-lien-quan", "-lien-quan")


_LIST_SPLIT = re.compile(r"\s*,\s*|\s+và\s+")


def _canonical_order(wording: str, name: str) -> str:
    """The list words of a group wording in the order of the group's own name, so that one list in
    another order is the same group (`phường, xã, đặc khu` = `xã, phường, đặc khu`); words the name
    does not hold keep their order after those it does."""
    rank = {fold(w): i for i, w in enumerate(_LIST_SPLIT.split(name))}
    items = _LIST_SPLIT.split(wording)
    if len(items) < 2:
        return wording
    head, _, first = items[0].rpartition(" ")
    items[0] = first
    keys = [fold(w) for w in items]
    if head:
        rank.update({k[len(fold(head)) + 1:]: v for k, v in list(rank.items()) if k.startswith(fold(head) + " ")})
    order = sorted(range(len(items)), key=lambda i: (rank.get(keys[i], len(rank)), i))
    if order == list(range(len(items))):
        return wording
    return (head + " " if head else "") + ", ".join(items[i] for i in order)


@lru_cache(maxsize=1)
def _word_forms() -> dict[str, dict[str, set[str]]]:
    """label -> folded word -> the written forms (lower case, with tone marks) that label's patterns use."""
    _, pats = body_templates()
    forms: dict[str, dict[str, set[str]]] = {}
    for label, surface in pats:
        for w in re.findall(r"\w+", surface.lower()):
            forms.setdefault(label, {}).setdefault(fold_same_length(w), set()).add(w)
    return forms


def _written_as_pattern(raw: str, label: str) -> bool:
    """Matching is on folded keys, so `tài chính phù hợp` folds like `Chính phủ`: a word written with
    marks must carry the marks the label's own patterns give it (`các số liệu` is not `các sở`, though
    another pattern writes `số`); a word written without any mark always passes."""
    forms = _word_forms().get(label, {})
    for w in re.findall(r"\w+", raw.lower()):
        f = fold_same_length(w)
        if w != f and w not in forms.get(f, ()) and fix_tone_placement(w) not in forms.get(f, ()):
            return False
    return True


def _windows(folded: str) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for m in _prefilter().finditer(folded):
        s, e = m.start(), min(len(folded), m.start() + WINDOW)
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


@lru_cache(maxsize=1)
def _ministry_labels() -> frozenset[str]:
    templates, _ = body_templates()
    return frozenset(label for label, t in templates.items() if t["scope"] == "central" and t["kind"] == "ministry")


def find_body_spans(text: str, doc_province: str | None = None,
                    ministry: str | dict | None = None) -> list[tuple[int, int, dict]]:
    """[(start, end, body row)] for every body mention in `text`, in order; `ministry`: the id of the issuing
    ministry, parent of the units it names without its name (`Vụ Pháp chế`, `Văn phòng Bộ`), or the row of the
    issuing department (`Phòng Quản lý Công nghiệp`, `Văn phòng Sở`)."""
    from spacy.util import filter_spans

    nlp = _nlp()
    ruler = nlp.get_pipe("span_ruler")
    folded = fold_same_length(text)
    ministries = _ministry_labels()
    found = []
    for ws, we in _windows(folded):
        chunk = _WS_ONE_NL.sub(" ", folded[ws:we])
        doc = ruler(nlp.make_doc(chunk))
        # `nội bộ Công an tỉnh`: a ministry is written `Bộ`; a lower-case `bộ` leaves the span to what follows
        spans = filter_spans([sp for sp in doc.spans["bodies"] if sp.label_ not in ministries
                              or text[ws + sp.start_char].isupper()])
        for sp in spans:
            s = ws + sp.start_char
            e = ws + sp.end_char
            if sp.end_char >= len(chunk) and we < len(folded):
                continue  # cut by the window edge; the next window does not see it either: rare
            if not _written_as_pattern(text[s:e], sp.label_):
                continue
            res = _resolve(sp.label_, text, folded, s, e, doc_province)
            if res:
                pair = _LEVEL_PAIR.match(folded, e) if res[0]["level"] == "province" and not res[0]["is_group"] else None
                if pair and res[0]["jurisdiction"]:
                    # `Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã`: the province's body and the communes' ones
                    row = res[0]
                    found.append((s, pair.end(1), row))
                    base, prov = row["id"].split("@")[0], row["jurisdiction"]
                    found.append((pair.start(2), pair.end(), _body_row(
                        _local_id(f"{base}-cap-xa", prov), f"{row['short_name']} cấp xã {province_label(prov)}",
                        f"{row['short_name']} cấp xã", row["kind"], "commune", prov, row["id"], 1)))
                    continue
                row = res[0]
                if not row["is_group"] and row["level"] == "province" and row["jurisdiction"]:
                    sub = _sub_unit(text, s, row)
                    if sub:
                        s, row = sub
                found.append((s, res[1], row))
    for m in _CODED_CUC.finditer(text):
        if text[m.start() - 1:m.start()].isalnum():
            continue
        code = m.group(1)
        found.append((m.start(), m.end(), _body_row(f"cuc-{code.lower()}", f"Cục {code}", f"Cục {code}", "agency",
                                                    "central", None, "bo-cong-an")))
    units = _ministry_units(text, found, ministry)
    if units:  # a unit's name holds its ministry (`Văn phòng Bộ Y tế`) or a group's words: the unit stands for them
        found = [f for f in found if not any(s <= f[0] and f[1] <= e for s, e, _ in units)] + units
    if ":" in text or _LIST_BARE.search(text):
        items = _list_items(text, doc_province, found)
        if items:  # (the bare `Ủy ban nhân dân` before `các tỉnh: ...` gives way to the committees listed)
            heads = [(m.start(), m.start(3)) for m in _LIST_KIND.finditer(text) if m.group(2)]
            found = [f for f in found if not any(a <= f[0] and f[1] <= b for a, b in heads)] + items
    if len(found) > 1:
        found.sort(key=lambda f: f[0])
    return _topic_bodies(found)


# ---------------------------------------------------------------- named units of a ministry (gazetteer `subunits`)

_U_SEP = r"[ \t]*\n?[ \t]*"
_U_TOKEN = re.compile(r"[ \t]*(?:\n[ \t]*)?(?:([^\W_]+(?:&[^\W_]+)*)|(,))")
_U_OF = re.compile(rf"{_U_SEP}(?:,|thuộc|trực{_U_SEP}thuộc|-|–){_U_SEP}")
_CHIEF_OFFICE = re.compile(r"(?:CHÁNH|Chánh)[ \t]+(VĂN[ \t]+PHÒNG|Văn[ \t]+phòng)(?=[ \t*]*(?:\n|$))")


@lru_cache(maxsize=1)
def _unit_table():
    cfg = gazetteer()["subunits"]
    kinds = {_squash(k): v for k, v in cfg["kinds"].items()}
    # a department's own unit may be written in lower case after a verb (`Giao phòng Quản lý Công nghiệp triển khai ...`;
    # KH 3957 of the Sở Công Thương Lào Cai, 2026): its name still opens with a capital
    kinds.update({k[:1].lower() + k[1:]: v for k, v in list(kinds.items()) if v.get("dept_only")})

    def alt(words):
        return "|".join(_U_SEP.join(re.escape(w) for w in k.split()) for k in sorted(words, key=len, reverse=True))

    def phrases(words):  # first word -> the phrases opening with it
        index: dict[str, list[tuple[str, ...]]] = {}
        for p in {tuple(p.split()) for p in words}:
            index.setdefault(p[0], []).append(p)
        return index

    # no look-behind (it costs at every position): the character before is checked in `_ministry_units`
    head = re.compile(rf"({alt(kinds)})(?={_U_SEP}[^\W\d_])")
    # `thuộc Bộ` is rare: found first, then the `các <head>` before it (a regex from every `các` backtracks badly)
    group = (re.compile(rf"thuộc{_U_SEP}(?=(?:Bộ|Sở)(?![\w&]))"),
             re.compile(rf"(?<![\w&])[Cc]ác{_U_SEP}(?={alt(cfg['group_heads'])}(?![\w&]))"))
    return (head, group, kinds, phrases(cfg["stops"]), phrases([*cfg["breaks"], *kinds]),
            phrases([p.lower() for p in cfg["places"]]),
            frozenset(cfg["place_before"]), phrases(cfg["closers"]))


@lru_cache(maxsize=1)
def _ministry_codes() -> dict[str, str]:
    """`BVHTTDL` -> `bo-van-hoa-the-thao-va-du-lich`: the initials of a ministry's name (`và` left out), as the
    code of its documents' numbers is written (`6316/BVHTTDL-VP`, `QĐ-BYT`, `BGDĐT`)."""
    templates, _ = body_templates()
    out = {}
    for label in _ministry_labels():
        t = templates[label]
        words = [w for w in re.findall(r"[^\W\d_]+", t["name"]) if w.lower() != "và"]
        out[fold("".join(w[0] for w in words)).upper()] = t["id"]
    return out


def issuing_ministry(doc: dict) -> str | None:
    """The id of the ministry that issued `doc`: by its `issuer`, else by the code in its `number`; else None."""
    templates, pats = body_templates()
    ministries = _ministry_labels()
    issuer = _squash(fold(doc.get("issuer") or ""))
    if issuer:
        for label, surface in pats:
            if label in ministries and _squash(fold(surface)) == issuer:
                return templates[label]["id"]
    number = doc.get("number") or ""
    codes = _ministry_codes()
    for part in re.split(r"[/-]", number.partition("/")[2]):
        bid = codes.get(fold(part).upper())
        if bid:
            return bid
    return None


def issuing_department(doc: dict) -> dict | None:
    """The body row of the department (Sở) of a province that issued `doc` (`Sở Công thương`, Lào Cai), else None."""
    issuer, prov = doc.get("issuer") or "", canonical_province(doc.get("province"))
    if not prov or not re.match(r"(?i)sở\s", issuer):
        return None
    return _department_row(issuer, prov)


@lru_cache(maxsize=64)
def _department_row(issuer: str, prov: str) -> dict | None:
    found = find_body_spans(issuer, prov)
    return found[0][2] if len(found) == 1 and found[0][2]["kind"] == "department" else None


def _starts_with(words: list[str], table: dict[str, list[tuple[str, ...]]], fold_case: bool = False) -> bool:
    """`words` open with one of the table's phrases (`fold_case`: the table is lower-case, compare so)."""
    if not words:
        return False
    if fold_case:
        words = [w.lower() for w in words]
    return any(tuple(words[:len(p)]) == p for p in table.get(words[0], ()))


def _words_from(text: str, pos: int, n: int = 4) -> list[str]:
    out = []
    while len(out) < n:
        t = _U_TOKEN.match(text, pos)
        if not t or not t.group(1):
            break
        out.append(t.group(1))
        pos = t.end()
    return out


def _ministry_units(text: str, found: list, ministry: str | dict | None) -> list[tuple[int, int, dict]]:
    """Named units of a ministry the gazetteer does not list (`Cục Di sản văn hóa`, `Vụ Kế hoạch, Tài chính`,
    `Văn phòng Bộ`), and `các cơ quan ... thuộc Bộ`: [(start, end, row)]; parent the ministry written right after,
    else `ministry` (the issuer). `ministry` may be the row of an issuing department instead (`Sở Công Thương` of
    Lào Cai): then its units (`Phòng Quản lý Công nghiệp`, `Văn phòng Sở`, `Chi cục Quản lý thị trường`,
    `các phòng, đơn vị trực thuộc Sở`) are the department's, in its province."""
    dept = ministry if isinstance(ministry, dict) else None
    if dept:
        ministry = dept["id"]
    bare = "Sở" if dept else "Bộ"
    level, juris = (dept["level"], dept["jurisdiction"]) if dept else ("central", None)
    head, group, kinds, stops, breaks, places, place_before, closers = _unit_table()
    templates, _ = body_templates()
    spans = sorted((s, e) for s, e, _ in found)
    starts = {s: row for s, _, row in found}
    ministry_at = {s: (e, row) for s, e, row in found if row["kind"] == "ministry" and row["level"] == "central"}

    def covered(pos: int) -> bool:
        i = bisect_right(spans, (pos, len(text) + 1))
        return any(s <= pos < e for s, e in spans[max(0, i - 3):i])

    def parent_after(pos: int) -> tuple[str | None, int]:
        of = _U_OF.match(text, pos)
        at = of.end() if of else pos
        hit = ministry_at.get(at)
        return (hit[1]["id"], hit[1]["name"]) if hit else (None, 0)

    ministry_name = dept["name"] if dept else (
        templates[f"central:{ministry}"]["name"] if ministry and f"central:{ministry}" in templates else None)
    out = []
    for m in head.finditer(text):
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in "&_") or covered(s):
            continue
        before = text[max(0, s - 12):s].split()
        if before and before[-1].lower() in place_before:
            continue  # `huyện Vụ Bản`
        kind = _squash(m.group(1))
        cfg = kinds[kind]
        first = _U_TOKEN.match(text, m.end())
        if not first or not first.group(1) or not first.group(1)[0].isupper():
            continue
        if cfg.get("dept_only") and not dept:
            continue  # (a `Phòng` of a ministry's letter is a district's office, named otherwise)
        if cfg.get("bare_bo"):  # `Văn phòng Bộ`, `Thanh tra Bộ Xây dựng`, `Văn phòng Sở`
            if first.group(1) != bare:
                continue
            bo = m.end() + len(first.group(0)) - len(first.group(1))
            hit = ministry_at.get(bo)
            if hit:
                end, prow = hit
                pid, pname = prow["id"], prow["name"]
            else:
                nxt = _words_from(text, first.end(), 1)
                if not ministry_name or (nxt and nxt[0][0].isupper()):
                    continue
                end, pid, pname = first.end(), ministry, ministry_name
            name = f"{kind} {pname}"
            bid = slug(name) if not dept else f"{slug(kind)}-{pid}"
            out.append((s, end, _body_row(bid, name, f"{kind} {bare}", cfg["kind"], level, juris, pid)))
            continue
        if _starts_with(_words_from(text, m.end()), places, True) or first.start(1) in starts:
            continue
        words, p, end, closed = [], m.end(), m.end(), False
        while len(words) < 10:
            t = _U_TOKEN.match(text, p)
            if not t:
                break
            if t.group(2):  # a comma: the name goes on only over a capitalised word that opens no other body
                nxt = _U_TOKEN.match(text, t.end())
                w = nxt.group(1) if nxt else None
                if (not words or closed or not w or not w[0].isupper() or nxt.start(1) in starts
                        or _starts_with(_words_from(text, t.end()), breaks)):
                    break
                words[-1] += ","
                p = t.end()
                continue
            w, ws = t.group(1), t.start(1)
            if words:
                ahead = _words_from(text, p)
                if ws in starts or (w[0].isupper() and _starts_with(ahead, breaks)):
                    break
                if w[0].islower() and _starts_with(ahead, stops):
                    break
                if w == "và" and (len(ahead) < 2 or _starts_with(ahead[1:], breaks) or ahead[1][0].islower()):
                    break  # `Cục Chăn nuôi và Thú y`; a lower-case word after `và` goes on with the sentence
                if w[0].islower() and closed:
                    break  # `Cục Hàng hải Việt Nam cấp`: a proper name (`Việt Nam`, `Trung ương`) closes the name
                if w[0].isupper() and words[-1][0].islower() and "\n" in text[p:ws]:
                    break  # `7. Cục Hợp` / `tác quốc tế` / `Khẩn trương hoàn thành ...` (Công văn 6278/BVHTTDL-VP,
                    # 2025): a capital after a line break, past the name's lower-case words, opens the next sentence
                if _starts_with(ahead, closers):
                    closed = True
            words.append(w)
            p = end = t.end()
        while words and (words[-1] == "và" or words[-1].endswith(",")):
            if words[-1] == "và":
                words.pop()
            else:
                words[-1] = words[-1][:-1]
                break
        if not words:
            continue
        unit = " ".join(words)
        end = m.end() + _name_end(text[m.end():], words)
        pid, _ = parent_after(end)
        pid = pid or ministry
        if cfg.get("needs_ministry") and not pid:
            continue
        name = f"{kind} {unit}"
        bid = slug(name) if (cfg["kind"] == "agency" and not dept) or not pid else f"{slug(name)}-{pid}"
        out.append((s, end, _body_row(bid, name, name, cfg["kind"], level, juris, pid)))
    if ministry_name and not dept:
        for m in _CHIEF_OFFICE.finditer(text):  # `KT. CHÁNH VĂN PHÒNG` signing a ministry's letter: its office
            if not covered(m.start()) and not (m.start() and text[m.start() - 1].isalnum()):
                name = f"Văn phòng {ministry_name}"
                out.append((m.start(1), m.end(1), _body_row(slug(name), name, "Văn phòng Bộ", "office", "central",
                                                            None, ministry)))
    of_bo, cac = group
    for m in of_bo.finditer(text):
        bo = m.end()
        if not text.startswith(bare, bo):
            continue
        heads = list(cac.finditer(text, max(0, m.start() - 120), m.start()))
        if not heads:
            continue
        first = heads[-1]
        words = text[first.end():m.start()].rstrip()
        if "\n\n" in words or not re.fullmatch(r"[^\W\d_]+(?:,?\s+[^\W\d_]+){0,9}", words):
            continue
        hit = ministry_at.get(bo)
        if hit:
            end, prow = hit
            pid, pname = prow["id"], prow["name"]
        elif ministry_name and not re.match(r"[ \t]+[A-ZÀ-ỸĐ]", text[bo + 2:bo + 4]):  # `thuộc Bộ` alone: the issuer
            end, pid, pname = bo + len(bare), ministry, ministry_name
        else:
            continue
        wording = _squash(words)
        if "trưởng" in wording:
            continue  # `Vụ trưởng các Vụ, Cục trưởng các Cục thuộc Bộ Y tế`: heads, read as their units elsewhere
        name = f"Các {wording} thuộc {pname}"
        out.append((first.start(), end, _body_row(f"group:{slug(name)}", name, f"Các {wording} thuộc {bare}", "group",
                                              level, juris, pid, 1)))
    return out


def _name_end(rest: str, words: list[str]) -> int:
    """Offset in `rest` just after the last of `words` (read in order, a trailing comma dropped)."""
    pos = 0
    for w in words:
        pos = rest.index(w.rstrip(","), pos) + len(w.rstrip(","))
    return pos


# `Các Bộ: Công Thương, NNMT`, `Các Văn phòng: TU, Đoàn ĐBQH-HĐND Tỉnh` (KH 0129/KH-UBND Đắk Lắk 2025 Nơi nhận): a kind
# word, then the bodies of that kind each by the rest of its name
# (the list may wrap: `Bộ trưởng các Bộ: Quốc phòng, ..., Giáo dục và Đào tạo,\nY tế; Chủ tịch ...`; CĐ 231/CĐ-TTg, 2025)
# `Ủy ban nhân dân các tỉnh: Ninh Bình, Bắc Ninh, Phú Thọ, Tuyên Quang` (Công văn 11654/VPCP-CN, 2025): each
# province's committee; `Các Bộ, cơ quan: Tài chính, Xây dựng, ...` (TB 648/TB-VPCP, 2025)
_KIND_HEAD = r"[Cc]ác[ \t]+(Bộ|Sở|bộ|sở|Văn phòng|Ban)(?:,[ \t]*(?:cơ[ \t]+quan|ngành))?"
_PROVINCES_HEAD = r"[ \t]+tỉnh(?:,[ \t]*thành[ \t]+phố)?"
_LIST_KIND = re.compile(rf"(?<![\w&])(?:{_KIND_HEAD}|(Ủy[ \t]+ban[ \t]+nhân[ \t]+dân|UBND)[ \t]+các{_PROVINCES_HEAD})"
                        r"[ \t]*:[ \t]*((?:[^;\n(:.]|\.(?!\s)|\n(?![ \t]*\n))+)")
# a list's head right before `pos` (the tasks step does not end a sentence there: `Bộ trưởng các Bộ:\nXây dựng, ...`)
LIST_HEAD_END = re.compile(rf"(?<!\w)(?:{_KIND_HEAD}|[Cc]ác{_PROVINCES_HEAD})\s*:\Z")
# the kind word once, before the first name: `Các Bộ Quốc phòng, Công an: Chỉ đạo ...` (Công điện on floods, 2025)
_LIST_BARE = re.compile(r"(?<![\w&])[Cc]ác[ \t]+(Bộ|Sở)()[ \t]+(?=[A-ZĐ])((?:[^;\n(:.]|\.(?!\s)|\n(?![ \t]*\n))+)")
_LIST_SEP = re.compile(r"[\s,]*(?:và\s+)?")


def _list_items(text: str, doc_province: str | None, found: list) -> list[tuple[int, int, dict]]:
    """The bodies of a `Các <kind>: a, b` list: from each item on, the longest run of words that reads as one whole body
    `<kind> <words>` (a name may hold `và` or a comma: `Nông nghiệp và Môi trường`, `Văn hóa, Thể thao và Du lịch`;
    the last one may run on into the duty: `Công an chủ động chỉ đạo ...`); words that read as none are left out."""
    out = []
    taken = [(s, e) for s, e, _ in found]
    for m in [*_LIST_KIND.finditer(text), *_LIST_BARE.finditer(text)]:
        kind = (m.group(1) or "Ủy ban nhân dân tỉnh").capitalize()
        first = True
        seg, pos = m.group(3), 0
        while pos < len(seg):
            pos = _LIST_SEP.match(seg, pos).end()
            if pos >= len(seg):
                break
            run, row = _leading_body(kind, seg[pos:], doc_province) if seg[pos].isupper() else ("", None)
            if row is None:
                comma = seg.find(",", pos)
                pos = len(seg) if comma == -1 else comma + 1
                continue
            s, e = m.start(3) + pos, m.start(3) + pos + len(run)
            pos += len(run)
            if first:
                s, first = m.start(), False  # `Ủy ban nhân dân các tỉnh: Ninh Bình`, `Các Bộ: Quốc phòng` is the first one's
            if not any(a < e and s < b and not (a >= m.start() and b <= m.start(3)) for a, b in taken):  # mention
                out.append((s, e, row))
    return out


def _leading_body(kind: str, item: str, doc_province: str | None) -> tuple[str, dict | None]:
    """The longest run of words opening `item` (up to ten) that reads as one whole body of `kind`, and its row."""
    comma = item.find(",")
    if comma > 0 and (row := _whole_body(kind, item[:comma].rstrip(), doc_province)):
        return item[:comma].rstrip(), row  # (most names end at the comma: one lookup, not ten)
    words = list(re.finditer(r"[^\W\d_]+", item))[:10]
    for w in reversed(words):
        row = _whole_body(kind, item[:w.end()], doc_province)
        if row:
            return item[:w.end()], row
    return item, None


def _whole_body(kind: str, item: str, doc_province: str | None) -> dict | None:
    probe = f"{kind} {item}"
    spans = find_body_spans(probe, doc_province)
    if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] >= len(probe.rstrip(" .")):
        return spans[0][2]
    return None


def _topic_bodies(found: list) -> list:
    """One row per topic body, named by its longest wording; a bare `Ban Chỉ đạo` is the one named last
    before it (else first after it), or no mention when the document names none."""
    topical = [f[2] for f in found if f[2]["id"].startswith("ban-chi-dao-")]
    if not topical and not any(f[2]["id"] == "ban-chi-dao" for f in found):
        return found
    rows: dict[str, dict] = {}
    for row in topical:
        keep = rows.setdefault(row["id"], row)
        if len(row["name"]) > len(keep["name"]):
            keep.update(name=row["name"], short_name=row["short_name"])
    out, last = [], None
    for s, e, row in found:
        if row["id"] == "ban-chi-dao":
            row = last or (rows[topical[0]["id"]] if topical else None)
            if row is None:
                continue
        elif row["id"] in rows:
            row = last = rows[row["id"]]
        out.append((s, e, row))
    return out


def extract_bodies(text: str, units: list[dict], doc: dict) -> dict:
    """Rows of `bodies`, `body_aliases` and `body_mentions` for one document.

    `doc` needs `id` and `province` (None for central documents); `unit_id` is left None for the
    pipeline to fill from the span.
    """
    doc_id = doc.get("id")
    prov = canonical_province(doc.get("province"))
    bodies: dict[str, dict] = {}
    aliases: dict[tuple[str, str], dict] = {}
    mentions = []
    for start, end, body in find_body_spans(text, prov, issuing_ministry(doc) or issuing_department(doc)):
        bodies.setdefault(body["id"], body)
        raw = text[start:end]
        alias = _squash(raw.rsplit(":", 1)[-1])  # (a list's first name, `Các Bộ: Công Thương`, is known by its own words)
        aliases.setdefault((body["id"], alias), {"body_id": body["id"], "alias": alias, "alias_key": fold(alias)})
        mentions.append({"id": f"{doc_id}@{start}", "document_id": doc_id, "unit_id": None,
                         "body_id": body["id"], "start": start, "end": end, "raw": raw})
    return {"bodies": list(bodies.values()), "body_aliases": list(aliases.values()), "body_mentions": mentions}

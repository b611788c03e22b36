"""Công văn letters: units for the numbered paragraphs after `Kính gửi`."""

from __future__ import annotations

import re

from ingest.bodies import fold_same_length
from ingest.tasks.common import _RECIPIENTS, _rx
from ingest.tasks.sections import _intro_doer

# ---------------------------------------------------------------- công văn (administrative letter)

_KINH_GUI = re.compile(r"(?i)k[ií]nh\s+g[uử]i")
_ASSIGNS = re.compile(r"(?<!\w)(?:giao|de nghi|yeu cau|phan cong|chi dao)(?!\w)")
_CV_LABEL = re.compile(r"(?m)^[ \t*_]*(?:(?P<num>\d+(?:\.\d+)*)[.)](?=[ \t*_]|$)|(?P<let>[a-zđ])[.)][ \t]|(?P<bul>[-+•])[ \t])")


def _letter_units(text: str, units: list[dict], folded: str | None = None, mentions=None) -> list[dict]:
    """Units for the numbered paragraphs of a công văn that the structure parser left in one preamble
    (`Kính gửi: - Các sở, ban, ngành; - UBND các xã ...` then `1. Yêu cầu chung:` / `1.3.1. Đề nghị UBND các xã
    ...:` / `a. ...` / `- ...`; Công văn 6397/UBND-KT Hà Nội, 2025), so that the section and inline passes read
    them. Empty unless the letter has no articles and no item units after its `Kính gửi` list."""
    kg = _KINH_GUI.search(text, 0, min(len(text), 3000))
    if kg is None:
        return []
    end = len(text)
    for rx in (_RECIPIENTS, re.compile(r"(?im)^[ \t*_|]*n[oơ]i nh[aậ]n")):
        m = rx.search(text, kg.end())
        if m:
            end = min(end, m.start())
    if any(u["kind"] in ("article", "item") and u["start"] < end for u in units):
        return []  # (items after `Nơi nhận` are an appendix's: `A. CÁC MỎ ĐÃ ĐƯỢC CẤP PHÉP`; Công văn 4001/UBND-ĐT, 2025)
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
    # `..., Bộ trưởng giao:` / `đề nghị các đơn vị thực hiện như sau:` right before the first item: every item is
    # an assignment, read as inside a responsibility section (Công văn 6316/BVHTTDL-VP, 2025)
    folded = folded if folded is not None else fold_same_length(text)
    lead_in = folded[max(start, found[0].start() - 200):found[0].start()].rstrip(" \t\n*_")
    duty = lead_in.endswith(":") and _ASSIGNS.search(lead_in[-120:]) is not None
    holder = (_intro_doer(text, folded, start, found[0].start(), mentions) or []) if mentions is not None else []
    duty = duty or bool(holder)
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
             "duty": duty and not stack, "holder": holder if not stack else None,
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
    if holder and mentions is not None and any(_names_holder(text, folded, u, mentions) for u in out):
        for u in out:  # items that name their own holders: the lead-in only addresses the letter (CV 6397/UBND-KT)
            u["holder"] = None
    return out


def _names_holder(text: str, folded: str, u: dict, mentions) -> bool:
    """The item opens with a body (`2.1. Sở Tài chính:`, `Đề nghị UBND các xã ...`)."""
    head = u["start"] + len(text[u["start"]:u["start"] + 12]) - len(text[u["start"]:u["start"] + 12].lstrip(" \t*_-+•0123456789.)"))
    for _, rx in _rx()["opener"]:
        m = rx.match(folded, head, u["end"])
        if m:
            head = m.end()
            break
    return any(m["start"] <= head + 2 for m in mentions.within(head, min(u["end"], head + 80)))

"""The leading verb phrase of a task."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.tasks.common import patterns

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

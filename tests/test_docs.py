"""The README's CLI reference is the CLI's own `--help`; the README shows the two commands first."""

from pathlib import Path

from kb.readme import README, render


def test_cli_reference_is_current():
    text = README.read_text("utf-8")
    assert render(text) == text, "run: python -m kb.readme"


def test_readme_shows_the_two_commands_first():
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert text.index("make run") < text.index("make test") < text.index("vanban build")


def test_readme_query_answers_who_does_what(tmp_path):
    """The README's first SQL block: every task of Sở Nội vụ of any province, with deadline and partners."""
    import re
    import sqlite3

    from kb.build import build

    root = Path(__file__).resolve().parents[1]
    sql = re.search(r"```sql\n(.*?)```", (root / "README.md").read_text("utf-8"), re.S).group(1)
    build(root / "data", tmp_path / "kb.db", jobs=1, progress=False, echo=lambda _: None)
    con = sqlite3.connect(tmp_path / "kb.db")
    con.row_factory = sqlite3.Row
    rows = [dict(r) for r in con.execute(sql)]
    assert [r["number"] for r in rows] == ["1963/QĐ-UBND"] * 5
    assert {r["province"] for r in rows} == {"Hồ Chí Minh"}
    assert rows[0]["task"].startswith("Phối hợp với Sở Thông tin và Truyền thông kiểm tra")
    assert "Sở Thông tin và Truyền thông Thành phố Hồ Chí Minh" in rows[0]["partners"]

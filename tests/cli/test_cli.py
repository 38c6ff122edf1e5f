from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kronik import __version__
from kronik.cli import main
from kronik.schema import validate_article

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"


def all_commands() -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        assert command is not None
        out.append((name, command))
    return out


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("name", [n for n, _ in all_commands()])
def test_every_command_has_help_and_every_option_is_documented(name: str) -> None:
    command = dict(all_commands())[name]
    assert command.help and len(command.help.strip()) > 20, f"kronik {name} lacks a docstring"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"kronik {name} {param.opts} has no help text"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [n for n, _ in all_commands() if not re.search(rf"kronik {re.escape(n)}\b", readme)]
    assert not missing, f"README does not mention: {missing}"


def test_analyze_formats_validate_against_schema(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["analyze", str(EXAMPLES), "--format", "jsonl", "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 6
    for article in lines:
        validate_article(article)
    single = runner.invoke(main, ["analyze", str(EXAMPLES / "04_english_wire.txt"), "--published", "2024-05-17"])
    data = json.loads(single.output)
    assert data["published"] == "2024-05-17"
    text = runner.invoke(main, ["analyze", str(EXAMPLES / "01_jakarta_tokyo.txt"), "--format", "text"])
    assert text.exit_code == 0 and "==" in text.output


def test_batch_reports_bad_articles_and_exits_nonzero(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Judul Berita\n\nPresiden membuka pameran di Jakarta pada Senin.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "broken.jsonl").write_text('{"text": "Berita yang baik sekali."}\n{"text": \n')
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "3 of 5 article(s) failed" in result.output
    for name in ("empty.txt", "image.png", "broken.jsonl:2"):
        assert name in result.output
    assert result.output.count('"schema_version"') == 2


def test_bad_option_value() -> None:
    result = CliRunner().invoke(main, ["analyze", "-", "--published", "20/03/2023"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_analyze_on_dask_matches_in_process() -> None:
    runner = CliRunner()
    local = runner.invoke(main, ["analyze", str(EXAMPLES), "--format", "jsonl"])
    on_dask = runner.invoke(main, ["analyze", str(EXAMPLES), "--format", "jsonl", "--dask", "threads"])
    assert on_dask.exit_code == 0
    contracts = lambda out: sorted((json.loads(x) for x in out.splitlines() if x.strip()), key=lambda a: a["id"])  # noqa: E731
    assert contracts(local.output) == contracts(on_dask.output)  # the whole contract, through the round trip

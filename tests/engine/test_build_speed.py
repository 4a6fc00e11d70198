"""Issue 14: the build does no work whose result it throws away (its speed is measured by
benchmarks/, never by a timed test)."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from types import SimpleNamespace

import material
from conftest import ROOT
from jinja2 import Environment, FileSystemLoader

from draftsite.engine.glue import adjust_theme_environments
from draftsite.engine.template_cache import SharedBytecodeCache, use_bytecode_cache
from draftsite.engine.theme_files import VisibleFilesLoader, list_visible_files_only

THEME_DIRS = [str(ROOT / "overrides"), str(Path(material.__file__).parent / "templates")]


def test_theme_files_are_listed_as_jinja_lists_them_without_hidden_folders(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "extra.css").write_text("a {}", "utf-8")
    (tmp_path / ".icons" / "set").mkdir(parents=True)
    (tmp_path / ".icons" / "set" / "icon.svg").write_text("<svg/>", "utf-8")
    (tmp_path / "main.html").write_text("{{ 1 }}", "utf-8")
    stock = FileSystemLoader([str(tmp_path)]).list_templates()
    assert ".icons/set/icon.svg" in stock
    env = list_visible_files_only(Environment(loader=FileSystemLoader([str(tmp_path)])))
    assert isinstance(env.loader, VisibleFilesLoader)
    assert env.list_templates() == [name for name in stock if not name.startswith(".")]
    assert env.get_template(".icons/set/icon.svg").render() == "<svg/>", "hidden files still load"


# Every static file of the theme that MkDocs copies with Jinja's own listing is in the built site.
def test_every_static_file_of_the_theme_is_published(site):
    skipped = [
        ".*",
        "*/.*",
        "*.py",
        "*.pyc",
        "*.html",
        "*readme*",
        "mkdocs_theme.yml",
        "locales/*",
        "*.md",
        "sitemap.xml",
    ]
    names = Environment(loader=FileSystemLoader(THEME_DIRS)).list_templates(
        filter_func=lambda name: not any(fnmatch.fnmatch(name.lower(), p) for p in skipped)
    )
    assert len(names) > 20
    missing = [name for name in names if not (site / name).is_file()]
    assert missing == []


def test_every_environment_of_the_theme_shares_compiled_templates(tmp_path):
    (tmp_path / "page.html").write_text("{{ 1 + 1 }}", "utf-8")
    cache = SharedBytecodeCache(tmp_path / "cache")

    def make_env():
        return use_bytecode_cache(Environment(loader=FileSystemLoader(str(tmp_path))), cache)

    assert make_env().get_template("page.html").render() == "2"
    second, compiled = make_env(), []
    second.compile = lambda *args, **kwargs: (
        compiled.append(args) or Environment.compile(second, *args, **kwargs)
    )
    assert second.get_template("page.html").render() == "2"
    assert compiled == [], (
        "a second environment (another language, a plugin's) compiles nothing again"
    )


# on_config runs once per language: the theme's environments are adjusted once for each purpose.
def test_theme_environments_are_adjusted_once_per_purpose_whatever_the_languages():
    theme = SimpleNamespace(get_env=lambda: [])
    config = SimpleNamespace(theme=theme)
    for _ in ("vi", "en"):
        adjust_theme_environments(config, "a", lambda env: env + ["a"])
        adjust_theme_environments(config, "b", lambda env: env + ["b"])
    assert theme.get_env() == ["a", "b"]


# Publishing reads every draft's mkdocs.yml with libyaml: the same settings as MkDocs' own reading,
# and MkDocs' reading where libyaml's safe loader refuses a tag.
def test_publishing_reads_mkdocs_yml_as_mkdocs_does():
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from mkdocs.utils.yaml import yaml_load
    from publish import _read_config

    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert _read_config(text) == yaml_load(text)
    assert _read_config("site_url: !ENV [NO_SUCH_VARIABLE, 'https://x/']\n") == {
        "site_url": "https://x/"
    }
    assert _read_config("f: !!python/name:os.path.join\n") == yaml_load(
        "f: !!python/name:os.path.join\n"
    )

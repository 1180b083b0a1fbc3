"""The brief as one self-contained HTML5 file: a pure function of the document(s) (briefing.document).

Inline CSS only: no script, no font, no image, no stylesheet link, and a
Content-Security-Policy that forbids every fetch, so opening the file asks
nothing of the network.  Semantic markup: a `<header>` with the `<h1>`, a
`<section>` with an `<h2>` per section, the figures as a table whose header
cells have `scope`, the sources as an `<ol>` whose items are `id="source-N"`,
each citation a link `[N]` to its source, each date that has an ISO value
(`document.Moment`) a `<time datetime>`.  Readable on a phone (viewport,
fluid width, a table that stacks into cards), bounded line length on a wide
screen, light or dark by the reader's setting, and a print style.

Several documents (one per language) go into one file as one `<article
lang>` each, switched without script: radio inputs before them, and CSS that
shows the part whose input is `:checked`.  Each part's ids carry its language
('en-source-1'), since ids are unique in a file.

Every text from data, and every message around it, is escaped as
`html.escape(..., quote=True)` does: the only tags and attributes in the
output are written here.
"""

from __future__ import annotations

import re

from briefing import document
from briefing.document import Cite, Document, Inline, Moment
from briefing.i18n import N_, localizer

#: What each part's language switch says, in that part's language.
LANGUAGE_LABEL = N_("Language")

#: Addresses that may be links: http and https only (never javascript:, data: or a relative path).
_LINKABLE = re.compile(r"https?://[^\x00-\x20\x7f<>\"'`\\]+", re.IGNORECASE)

CSS = """
:root{color-scheme:light dark;--bg:#fdfdfb;--fg:#1b1c1e;--muted:#5b5f66;--rule:#d9dbe0;--accent:#1d4fa3;
--warn:#9a3412;--warn-bg:#fff4e8;--panel:#f2f3f5}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e7e8ea;--muted:#a3a8b0;--rule:#3a3e45;
--accent:#8ab4ff;--warn:#ffb37a;--warn-bg:#2e2219;--panel:#1f2226}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,
"Noto Sans","Liberation Sans",Arial,sans-serif;overflow-wrap:anywhere}
main{max-width:60rem;margin:0 auto;padding:1rem clamp(.75rem,4vw,2rem) 3rem}
p,li,dd,h1,.meta{max-width:70ch}
h1{font-size:clamp(1.45rem,1.1rem + 1.6vw,2rem);line-height:1.2;margin:.4rem 0 .5rem}
h2{font-size:1.3rem;margin:2.2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.05rem;margin:1.5rem 0 .4rem}
.meta{color:var(--muted);margin:0 0 1rem}
a{color:var(--accent)}
a.cite{text-decoration:none;white-space:nowrap;font-size:.85em}
.cites{white-space:nowrap}
a.cite:hover,a.cite:focus-visible{text-decoration:underline}
dl.rows{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.35rem 1rem;margin:.5rem 0}
dl.rows dt{font-weight:600;color:var(--muted)}
dl.rows dd{margin:0}
ul,ol{padding-left:1.4rem}
li{margin:.25rem 0}
.status{font-style:italic;color:var(--muted)}
.status.differ{font-style:normal;color:var(--warn);font-weight:600}
.silent{color:var(--muted)}
.warning{color:var(--warn);background:var(--warn-bg);padding:.3rem .6rem;border-radius:.3rem}
.figures{width:100%;border-collapse:collapse;margin:.5rem 0;font-size:.95rem}
.figures th,.figures td{text-align:left;vertical-align:top;padding:.45rem .5rem;border-bottom:1px solid var(--rule);
overflow-wrap:break-word}
.figures td:nth-child(3){white-space:nowrap}
.figures thead th{border-bottom:2px solid var(--rule);color:var(--muted);font-weight:600}
.figures tbody th{font-weight:600}
.figures .detail{display:block;font-weight:400;color:var(--muted);font-size:.9em}
.figures ul{margin:0;padding-left:1rem}
.flagged{color:var(--warn)}
.flag{border-left:4px solid var(--warn);background:var(--warn-bg);padding:.4rem .8rem;margin:.8rem 0}
.flag p{margin:.3rem 0}
.sources li{margin:.8rem 0}
.sources p{margin:.15rem 0}
.url{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85em;
word-break:break-all}
:target{outline:2px solid var(--accent);outline-offset:.2rem}
.switch{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;font-size:.95rem;margin:.2rem 0 .6rem}
.switch label{cursor:pointer;padding:.25rem .75rem;border:1px solid var(--rule);border-radius:1rem;
background:var(--panel)}
.choice{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.part{display:none}
@media (max-width:40rem){
dl.rows{grid-template-columns:1fr;gap:0}
dl.rows dd{margin:0 0 .5rem}
.figures,.figures tbody,.figures tr,.figures th,.figures td{display:block;width:100%}
.figures thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.figures tr{border:1px solid var(--rule);border-radius:.4rem;margin:.6rem 0;padding:.3rem .2rem}
.figures th,.figures td{border:0;padding:.2rem .5rem}
.figures td::before{content:attr(data-label);display:block;font-size:.8em;color:var(--muted)}
.figures td:empty{display:none}
.figures td:nth-child(3){white-space:normal}
}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#333;--rule:#999;--accent:#000;--warn:#000;--warn-bg:#fff;--panel:#fff}
body{font-size:10.5pt}
main{max-width:none;padding:0}
.switch{display:none}
a{text-decoration:none}
h2,h3{break-after:avoid}
tr,.flag,.sources li{break-inside:avoid}
}
"""


def escape(text: str) -> str:
    """Data text as HTML that shows exactly these characters, in text or in a quoted attribute.

    The same as `html.escape(text, quote=True)`, whose module would cost every export 1.4 ms to import
    (it loads html.entities, the table of every named entity, which escaping never uses).
    """
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


class _Html:
    def __init__(self, doc: Document, prefix: str):
        self.prefix = prefix
        self.anchors = {entry.number for section in doc.sections for block in section.blocks
                        if isinstance(block, document.Sources) for entry in block.entries}
        self._texts: dict[str, str] = {}
        self._statement_starts: dict[tuple[int, str], str] = {}

    def anchor(self, number: int) -> str:
        return f"{self.prefix}source-{number}"

    def cite(self, marks: Cite) -> str:
        """Each number a link to its source; several kept together on one line."""
        links = "".join(f'<a class="cite" href="#{self.anchor(n)}">[{n}]</a>' if n in self.anchors else f"[{n}]"
                        for n in marks.numbers)
        return f'<span class="cites">{links}</span>' if len(marks.numbers) > 1 else links

    def text(self, value: str) -> str:
        if isinstance(value, Moment):
            return f'<time datetime="{escape(value.iso)}">{escape(value)}</time>'
        # The same texts come back many times ("does not mention it" on every point): each is escaped once.
        done = self._texts.get(value)
        if done is None:
            done = self._texts[value] = escape(value)
        return done

    def inline(self, text: Inline) -> str:
        return "".join(self.text(part) if isinstance(part, str) else self.cite(part) for part in text).rstrip(" ")

    # --- blocks ---
    def paragraph(self, block: document.Paragraph) -> list[str]:
        return [f"<p>{self.inline(block.text)}</p>"]

    def rows(self, block: document.Rows) -> list[str]:
        rows = "".join(f"<dt>{self.text(row.label)}</dt><dd>{self.inline(row.text)}</dd>" for row in block.rows)
        return [f'<dl class="rows">{rows}</dl>']

    def items(self, block: document.Items) -> list[str]:
        out = [f"<h3>{self.text(block.title)}</h3>"] if block.title is not None else []
        if block.items:
            out.append("<ul>" + "".join(f"<li>{self.inline(item)}</li>" for item in block.items) + "</ul>")
        return out

    def point(self, point: document.Point) -> list[str]:
        differ = point.status == "differ"
        status = f"<strong>{self.text(point.status_text)}</strong>" if differ else self.text(point.status_text)
        out = [f'<section class="point" id="{self.prefix}point-{point.number}">',
               f"<h3>{point.number}. {self.text(point.question)}</h3>",
               f'<p class="status{" differ" if differ else ""}">{status}</p>']
        statements = []
        for statement in point.statements:
            said = (self.text(statement.text) if statement.mentioned
                    else f'<em class="silent">{self.text(statement.text)}</em>')
            start = self._statement_starts.get((statement.source, statement.outlet))
            if start is None:  # the same for every point: each source's link and name are made once
                start = self._statement_starts[statement.source, statement.outlet] = (
                    f"<li>{self.cite(Cite((statement.source,)))} <strong>{self.text(statement.outlet)}:</strong> ")
            statements.append(f"{start}{said}</li>")
        if statements:
            out.append('<ul class="statements">' + "".join(statements) + "</ul>")
        for warning in [*point.conflicts, *([point.outliers] if point.outliers else [])]:
            out.append(f'<p class="warning"><strong>!</strong> {self.inline(warning)}</p>')
        out += [f"<p>{self.inline(note)}</p>" for note in point.precision_notes]
        if point.note:
            out.append(f"<p>{self.text(point.note)}</p>")
        out.append("</section>")
        return out

    def coverage(self, block: document.CoverageList) -> list[str]:
        items = []
        for entry in block.entries:
            only = f"<ul><li>{self.text(entry.only_here)}</li></ul>" if entry.only_here else ""
            items.append(f"<li>{self.inline(entry.text)}{only}</li>")
        return [f"<h3>{self.text(block.title)}</h3>", *(["<ul>" + "".join(items) + "</ul>"] if items else [])]

    def figures(self, block: document.Figures) -> list[str]:
        if not block.figures:
            return []
        headers = block.headers
        head = "".join(f'<th scope="col">{self.text(h)}</th>' for h in headers)
        rows = []
        for figure in block.figures:
            details = "".join(f'<span class="detail">{self.text(d)}</span>' for d in figure.details[1:])
            value = self.text(figure.value)
            value = f'<strong class="flagged">{value}</strong>' if figure.flagged else value
            if figure.cite.numbers:
                value += " " + self.cite(figure.cite)
            checks = ("<ul>" + "".join(f"<li>{self.inline(c)}</li>" for c in figure.checks) + "</ul>"
                      if figure.checks else "")
            rows.append(f'<tr><th scope="row">{self.text(figure.label)}{details}</th>'
                        f'<td data-label="{escape(headers[1])}">{value}</td>'
                        f'<td data-label="{escape(headers[2])}">{self.text(figure.as_of)}</td>'
                        f'<td data-label="{escape(headers[3])}">{checks}</td></tr>')
        return [f'<table class="figures"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>']

    def derived(self, block: document.DerivedFigures) -> list[str]:
        items = "".join(f"<li><strong>{self.text(d.label)}:</strong> {self.text(d.working)}</li>"
                        for d in block.figures)
        return [f"<h3>{self.text(block.title)}</h3>", f"<ul>{items}</ul>"]

    def flags(self, block: document.Flags) -> list[str]:
        out = [f"<h3>{self.text(block.title)}</h3>"]
        for flag in block.flags:
            out.append(f'<div class="flag"><p><strong>{self.inline(flag.headline)}</strong></p>')
            details = [*(self.text(rule) for rule in flag.rules), *(self.inline(r) for r in flag.references)]
            if details:
                out.append("<ul>" + "".join(f"<li>{line}</li>" for line in details) + "</ul>")
            out.append(f"<p><em>{self.text(flag.caveat)}</em></p></div>")
        return out

    def sources(self, block: document.Sources) -> list[str]:
        items = []
        for entry in block.entries:
            summary = self.inline(entry.summary_parts) if entry.summary_parts else self.text(entry.summary)
            parts = [f"<p><strong>{summary}</strong></p>"]
            if entry.headline:
                parts.append(f"<p><em>{self.text(entry.headline)}</em></p>")
            parts.append(f'<p class="url">{address(entry.url)}</p>')
            if entry.relays:
                parts.append(f"<p>{self.inline(entry.relays)}</p>")
            parts.append(f"<p>{self.text(entry.reliability)}</p>")
            items.append(f'<li id="{self.anchor(entry.number)}" value="{entry.number}">{"".join(parts)}</li>')
        return ['<ol class="sources">' + "".join(items) + "</ol>"]


def address(url: str) -> str:
    """A source's address: a link when it is a plain http(s) address, else its text."""
    if _LINKABLE.fullmatch(url):
        return f'<a href="{escape(url)}" rel="noreferrer noopener">{escape(url)}</a>'
    return escape(url)


_LAYOUTS = {
    document.Paragraph: _Html.paragraph,
    document.Rows: _Html.rows,
    document.Items: _Html.items,
    document.Point: _Html.point,
    document.CoverageList: _Html.coverage,
    document.Figures: _Html.figures,
    document.DerivedFigures: _Html.derived,
    document.Flags: _Html.flags,
    document.Sources: _Html.sources,
}


def _article(doc: Document, prefix: str, switch: str, css_class: str = "") -> str:
    page = _Html(doc, prefix)
    meta = page.inline(doc.meta_parts) if doc.meta_parts else page.text(doc.meta)
    ident = f' id="{prefix}brief"' if prefix else ""
    out = [f'<article{css_class}{ident} lang="{escape(doc.locale)}">',
           f"<header>{switch}<h1>{page.text(doc.title)}</h1>", f'<p class="meta">{meta}</p></header>']
    for section in doc.sections:
        out.append(f'<section id="{prefix}{escape(section.key)}"><h2>{page.text(section.heading)}</h2>')
        for block in section.blocks:
            out += _LAYOUTS[type(block)](page, block)
        out.append("</section>")
    out.append("</article>")
    return "\n".join(out)


def own_name(code: str) -> str:
    """The name a language gives itself ('English', 'Русский'), from that language's own catalog."""
    return localizer(code).p_("the language's own name", "English")


def _switch(doc: Document, locales: list[str]) -> str:
    """The language switch of one part: labels for every language's radio input, in the part's language."""
    loc = localizer(doc.locale)
    label = escape(loc._(LANGUAGE_LABEL))
    choices = "".join(f'<label for="lang-{escape(code)}" lang="{escape(code)}">'
                      f"{escape(own_name(code))}</label>" for code in locales)
    return f'<nav class="switch" aria-label="{label}"><span>{label}:</span>{choices}</nav>'


def _page(lang: str, title: str, body: str, extra_css: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "base-uri 'none'; form-action 'none'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}{extra_css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def render(doc: Document) -> str:
    """One document as a whole HTML file."""
    return _page(doc.locale, doc.title, f"<main>\n{_article(doc, '', '')}\n</main>", "")


def render_all(docs: list[Document]) -> str:
    """Several documents (one per language) in one file, the first shown, switched by radio inputs and CSS."""
    if len(docs) == 1:
        return render(docs[0])
    locales = [doc.locale for doc in docs]
    inputs = "".join(f'<input class="choice" type="radio" name="lang" id="lang-{escape(code)}"'
                     f'{" checked" if n == 0 else ""}>' for n, code in enumerate(locales))
    rules = "".join(f"#lang-{code}:checked~main #{code}-brief{{display:block}}"
                    f'#lang-{code}:checked~main label[for="lang-{code}"]'
                    "{background:var(--accent);color:var(--bg);border-color:var(--accent)}"
                    f'#lang-{code}:focus-visible~main label[for="lang-{code}"]'
                    "{outline:2px solid var(--accent);outline-offset:2px}" for code in locales)
    articles = "\n".join(_article(doc, f"{doc.locale}-", _switch(doc, locales), ' class="part"') for doc in docs)
    return _page(docs[0].locale, docs[0].title, f"{inputs}\n<main>\n{articles}\n</main>", rules)

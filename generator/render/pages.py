"""Single pages: home ``/``, ``/perlu-diperbarui/``, ``/tentang/`` and any other prose page
from ``content/pages/<name>.md`` at ``/<name>/`` (Markdown with raw HTML escaped)."""

from __future__ import annotations

import re

from generator.errors import ConfigError
from generator.intake.case import BODY_SECTIONS
from generator.intake.form import PROPOSAL_FORM, VOCABULARY_FIELDS, load_form, option_label
from generator.loading import parse_document
from generator.output import PageOutput
from generator.render.base import RenderContext, markup, paginate
from generator.render.browse import PAGE_SIZE
from generator.validate.pages import RESERVED as PAGE_RESERVED
from generator.values import STALE_PERIOD, is_id

ABOUT_FALLBACK = """# Tentang katalog ini

Katalog Inovasi Pelayanan Publik adalah basis pengetahuan terbuka tentang inovasi pelayanan
publik di Indonesia. Setiap studi kasus adalah satu berkas di repositori; siapa pun dapat
mengusulkan perbaikan.
"""
# The five PermenPANRB 91/2021 criteria; the About text "has" them when it names all five.
_CRITERIA_WORDS = ("kebaruan", "efektif", "bermanfaat", "disebarkan", "berkelanjutan")
_MARKUP = re.compile(r"[*_`\[\]]|\(https?://[^()]*\)")  # linear: a failed "(" stops at the next "("
_H1 = re.compile(r"^#[ \t]+(\S.*)", re.MULTILINE)  # linear; the closing #s are stripped after


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """A prose page may start with a small ``---`` block of ``key: value`` lines (title,
    description).

    Read by the case-study loader (``katalog validate`` reports its problems); text it cannot
    read is shown as it is.
    """
    doc, _problems = parse_document(
        text.encode("utf-8", "replace"), "", "", front_matter_required=False
    )
    if doc is None:
        return {}, text.lstrip("\ufeff").replace("\r\n", "\n")
    meta = {str(k): str(v) for k, v in doc.front_matter.items() if isinstance(v, (str, int, float))}
    return meta, doc.body.lstrip("\n")


def render_home(ctx: RenderContext) -> PageOutput:
    catalog = ctx.catalog
    recent = sorted(catalog.innovations, key=lambda i: (-i.last_verified.toordinal(), i.id))[:10]
    return ctx.page(
        "index.md", "home.html", "Beranda",
        "Katalog terbuka inovasi pelayanan publik Indonesia: hasil, status, replikasi, dan cara "
        "menirunya.",
        hide=("navigation", "toc"),
        recent=recent,
        province_count=len(catalog.facets.get("province", {})),
        ready_count=len(catalog.ready_to_replicate),
        stale_count=len(catalog.stale),
    )


# Top-level folders the generator owns; a prose page may not take one of these names
# (validate reports such a page: generator/validate/pages.py). `tentang` and `kontribusi` are
# prose pages with their own renderers.
RESERVED = PAGE_RESERVED | {"tentang", "kontribusi"}


def render_prose_pages(ctx: RenderContext) -> list[PageOutput]:
    """``content/pages/<name>.md`` → ``/<name>/`` (``tentang`` has its own renderer)."""
    pages = [render_about(ctx), render_contribute(ctx)]
    for name, text in ctx.settings.prose:
        if name in RESERVED or not is_id(name):
            continue
        pages.append(
            _prose_page(ctx, f"{name}/index.md", text, name.replace("-", " ").capitalize(), "")
        )
    return pages


def _prose_page(
    ctx: RenderContext,
    src_uri: str,
    text: str,
    default_title: str,
    default_description: str,
    add_criteria: bool = False,
    contribute: bool = False,
) -> PageOutput:
    meta, body = split_front_matter(text)
    match = _H1.search(body)
    heading = match.group(1).rstrip().rstrip("#").rstrip() if match else ""
    title = meta.get("title") or heading or default_title
    if not match:
        body = f"# {title}\n\n{body}"
    description = meta.get("description") or default_description or _first_paragraph(body) or title
    return ctx.page(
        src_uri,
        "about.html",
        title,
        description,
        body=markup(ctx.markdown.render(body)),
        add_criteria=add_criteria,
        contribute=contribute,
    )


def _first_paragraph(body: str) -> str:
    for block in body.split("\n\n"):
        block = block.strip()
        if block and not block.startswith(("#", "-", "*", "|", ">", "1.")):
            return _MARKUP.sub("", " ".join(block.split()))
    return ""


def render_about(ctx: RenderContext) -> PageOutput:
    text = ctx.settings.prose_text("tentang") or ABOUT_FALLBACK
    _meta, body = split_front_matter(text)
    return _prose_page(
        ctx, "tentang/index.md", text, "Tentang",
        "Tentang Katalog Inovasi Pelayanan Publik: program inovasi pelayanan publik di Indonesia "
        "dan lima kriteria inovasi menurut PermenPANRB 91/2021.",
        add_criteria=not all(w in body.lower() for w in _CRITERIA_WORDS), contribute=True,
    )


CONTRIBUTE_FALLBACK = """# Kontribusi

Ada tiga cara ikut menulis katalog ini, semuanya dengan akun GitHub:

1. **Formulir** *Usulkan inovasi* untuk studi kasus baru, tanpa git: isi formulirnya, dan robot
   mengubahnya menjadi pull request yang diperiksa pengelola.
2. **Editor web GitHub** untuk memperbaiki halaman yang ada: tombol "Perbaiki halaman ini di GitHub"
   di setiap studi kasus.
3. **git** untuk yang terbiasa: `katalog new <id>`, `katalog validate`, lalu pull request.
"""


def _key_path(field_id: str) -> str:
    """The front-matter key (or body section) a form field writes."""
    if field_id in BODY_SECTIONS:
        return f"## {BODY_SECTIONS[field_id]}"
    head, _, rest = field_id.partition("_")
    if head in ("agency", "contact", "replication") and rest:
        return f"{head}.{rest}"
    return field_id


def _form_fields(ctx: RenderContext) -> tuple[str, list[dict[str, object]]]:
    """The proposal form's fields for the reference table (none when the template is missing)."""
    try:
        form = load_form(PROPOSAL_FORM)
    except ConfigError:
        return "", []
    rows: list[dict[str, object]] = []
    for f in form.fields:
        if f.type == "checkboxes":
            continue
        vocabulary = VOCABULARY_FIELDS.get(f.id)
        options: list[tuple[str, str]] = (
            [
                (option_label(vocabulary, t), str(t.id))
                for t in ctx.catalog.taxonomies[vocabulary].terms
            ]
            if vocabulary
            else [(o, "") for o in f.options]
        )
        rows.append(
            {
                "id": f.id,
                "label": f.label,
                "key": _key_path(f.id),
                "required": f.required,
                "description": markup(ctx.markdown.render(f.description)) if f.description else "",
                "example": f.placeholder.strip(),
                "options": options,
            }
        )
    return form.name, rows


def render_contribute(ctx: RenderContext) -> PageOutput:
    """``/kontribusi/``: how to contribute (prose page ``kontribusi.md``) and the form's field
    reference."""
    text = ctx.settings.prose_text("kontribusi") or CONTRIBUTE_FALLBACK
    meta, body = split_front_matter(text)
    match = _H1.search(body)
    title = meta.get("title") or (match.group(1) if match else "Kontribusi")
    if not match:
        body = f"# {title}\n\n{body}"
    heading, _, rest = ctx.markdown.render(body).partition("</h1>")
    heading += "</h1>" if rest else ""
    if not rest:
        heading, rest = "", heading
    form_name, fields = _form_fields(ctx)
    awards = [(t, t.levels) for t in ctx.catalog.taxonomies["awards"].terms]
    return ctx.page(
        "kontribusi/index.md",
        "contribute.html",
        title,
        meta.get("description")
        or "Cara mengusulkan inovasi baru dan memperbaiki studi kasus di "
        "Katalog Inovasi Pelayanan Publik: formulir, editor web GitHub, atau git.",
        heading=markup(heading),
        body=markup(rest),
        form_name=form_name,
        fields=fields,
        awards=awards,
        propose_url=ctx.settings.propose_url(),
        reports_url=ctx.settings.open_reports_url(),
        contributing_url=(
            f"{ctx.settings.repo_url.rstrip('/')}/blob/{ctx.settings.edit_branch}/CONTRIBUTING.md"
            if ctx.settings.repo_url
            else ""
        ),
    )


def render_stale(ctx: RenderContext) -> list[PageOutput]:
    """``/perlu-diperbarui/`` (oldest verification first), ``PAGE_SIZE`` cases a page."""
    items = sorted(ctx.catalog.stale, key=lambda i: (i.last_verified, i.id))
    return [
        ctx.page(
            page.url + "index.md",
            "stale.html",
            page.title("Perlu diperbarui"),
            "Studi kasus inovasi pelayanan publik yang belum diverifikasi ulang dalam "
            f"{STALE_PERIOD} terakhir.",
            items=page.items,
            total=len(items),
            **page.nav,
            reports_url=ctx.settings.open_reports_url(),
        )
        for page in paginate(items, PAGE_SIZE, "perlu-diperbarui/")
    ]

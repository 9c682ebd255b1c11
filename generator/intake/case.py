"""Turn form answers into a case study: plain data for the front matter and a Markdown body.

Every answer becomes a value of a known key — never a key, never YAML text. The front matter
is written by ``yaml.safe_dump`` from that data, so newlines, ``---``, ``: ``, ``#``, quotes,
``yes``/``null``/numbers, ``{{ }}``, ``${{ }}`` and ``$(…)`` stay literal text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.intake.form import VOCABULARY_FIELDS, Field, Form, normalise_label, option_label
from generator.intake.issue_body import Answers, Problem
from generator.taxonomy import Taxonomies, Term
from generator.validate.body import RECOMMENDED_SECTIONS
from generator.validate.hints import did_you_mean
from generator.values import ID_MAX, kebab

# body_<section>: the recommended section whose slug (with "_") is <section>.
BODY_SECTIONS = {
    "body_" + re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_"): s for s in RECOMMENDED_SECTIONS
}
UNKNOWN_SECTION = "Belum terdokumentasi."

TEXT_FIELDS = {
    "title": ("title",),
    "summary": ("summary",),
    "status_note": ("status_note",),
    "last_verified": ("last_verified",),
    "agency_name": ("agency", "name"),
    "agency_regency": ("agency", "regency"),
    "agency_unit": ("agency", "unit"),
    "contact_unit": ("contact", "unit"),
    "contact_website": ("contact", "website"),
    "contact_email": ("contact", "email"),
    "contact_phone": ("contact", "phone"),
    "contact_address": ("contact", "address"),
    "contact_note": ("contact", "note"),
    "replication_requirements": ("replication", "requirements"),
    "replication_legal_basis": ("replication", "legal_basis"),
    "replication_cost": ("replication", "cost"),
}
VOCAB_KEYS = {"agency_type": ("agency", "type"), "agency_province": ("agency", "province"),
              "category": ("category",), "status": ("status",)}
LIST_FIELDS = ("aliases", "outcomes", "awards", "sources", "replication_replicates")
OTHER_FIELDS = ("year", "sdgs")
# Order of the top-level keys in the written file (the content model's order).
KEY_ORDER = (
    "id",
    "title",
    "aliases",
    "summary",
    "agency",
    "category",
    "year",
    "status",
    "status_note",
    "last_verified",
    "contact",
    "awards",
    "outcomes",
    "sdgs",
    "replication",
    "sources",
)
AGENCY_ORDER = ("name", "type", "province", "regency", "unit")
CONTACT_ORDER = ("unit", "website", "email", "phone", "address", "note")
REPLICATION_ORDER = ("replicates", "requirements", "legal_basis", "cost")


def known_field(field_id: str) -> bool:
    return (field_id in TEXT_FIELDS or field_id in VOCAB_KEYS or field_id in LIST_FIELDS
            or field_id in OTHER_FIELDS or field_id.startswith("body_"))


def slugify(title: str) -> str:
    """The id a title gives: ASCII letters and digits in kebab-case, at most 80 characters."""
    text = kebab(title)
    if len(text) > ID_MAX:
        cut = text[:ID_MAX]
        if text[ID_MAX] != "-" and "-" in cut:
            cut = cut.rsplit("-", 1)[0]
        text = cut.strip("-")
    return text


@dataclass(slots=True)
class Draft:
    data: dict[str, Any] = field(default_factory=dict)
    sections: list[tuple[str, str, str]] = field(default_factory=list)  # (field id, heading, text)
    problems: list[Problem] = field(default_factory=list)
    # field id → answer line of each list item, so diagnostics about ``sources.2`` name line 3
    item_lines: dict[str, list[int]] = field(default_factory=dict)


_NUMBER = re.compile(r"([+-]?)(\d+)(?:[.,](\d+))?")
_GROUPED = re.compile(r"-?\d{1,3}(?:\.\d{3}){2,}(?:,(\d+))?")
_BULLET = re.compile(r"^[-*•][ \t]+")
_URL_PART = re.compile(r"(?:^|\|)[ \t]*(https?://[^\s|]+)[ \t]*(?=\||$)")
_TRAILING_SOURCE = re.compile(r"^(.*?)[ \t]*\[(\d+)\]$", re.DOTALL)


def parse_number(text: str) -> tuple[int | float | None, str]:
    """An Indonesian or English number without thousands separators; (None, why) otherwise."""
    text = text.strip()
    grouped = _GROUPED.fullmatch(text)
    if grouped:  # 1.250.000 or 1.250.000,5: only Indonesian thousands can have two dot groups
        whole = text.split(",")[0].replace(".", "")
        return (float(f"{whole}.{grouped.group(1)}") if grouped.group(1) else int(whole)), ""
    match = _NUMBER.fullmatch(text)
    if not match:
        unit = " Tulis satuannya (mis. persen) di bagian satuan." if "%" in text else ""
        return None, f"«{text}» bukan angka.{unit}"
    sign, whole, frac = match.groups()
    if frac is not None and len(frac) == 3 and whole != "0" and not whole.startswith("0"):
        return None, (
            f"«{text}» bisa berarti {whole}{frac} (pemisah ribuan) atau {whole},{frac} (desimal); "
            "tulis tanpa pemisah ribuan, mis. 1250, atau desimal dengan dua angka, mis. 1,25."
        )
    if frac is None:
        return int(sign + whole), ""
    return float(f"{sign}{whole}.{frac}"), ""


def _lines(answer: str) -> list[tuple[int, str]]:
    """Non-empty lines of a list answer with their 1-based line number; a leading bullet goes."""
    out = []
    for n, line in enumerate(answer.split("\n"), start=1):
        if line.strip():
            out.append((n, _BULLET.sub("", line.strip())))
    return out


def _parts(line: str) -> list[str]:
    return [p.strip() for p in line.split("|")]


class _Builder:
    def __init__(self, form: Form, answers: Answers, taxonomies: Taxonomies) -> None:
        self.form, self.answers, self.tax = form, answers, taxonomies
        self.draft = Draft()

    def problem(self, field_id: str, message: str, hint: str = "", line: int = 0) -> None:
        self.draft.problems.append(Problem(field_id, message, hint, line))

    def label(self, field_id: str) -> str:
        return self.form.label(field_id)

    def put(self, path: tuple[str, ...], value: Any) -> None:
        node = self.draft.data
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value

    # --- vocabularies ----------------------------------------------------------------------
    def term(
        self,
        field_id: str,
        vocabulary: str,
        answer: str,
        terms: tuple[Term, ...] | None = None,
        line: int = 0,
        what: str = "",
    ) -> Term | None:
        terms = self.tax[vocabulary].terms if terms is None else terms
        key = normalise_label(answer)
        for t in terms:
            names = {
                normalise_label(option_label(vocabulary, t)),
                normalise_label(t.label),
                normalise_label(str(t.id)),
            }
            acronym = re.search(r"\(([^()]+)\)\s*$", t.label)
            if acronym:
                names.add(normalise_label(acronym.group(1)))
            if key in names:
                return t
        labels = [option_label(vocabulary, t) for t in terms]
        guess = did_you_mean(answer, labels)
        self.problem(field_id, f"«{answer}» bukan {what or 'pilihan'} yang dikenal.",
                     guess or ("Pilih salah satu: " + ", ".join(labels) + "."), line)
        return None

    # --- the fields --------------------------------------------------------------------------
    def build(self) -> Draft:
        text = self.answers.text
        for f in self.form.fields:
            answer = text.get(f.id, "")
            bad = forbidden_character(answer, multiline=f.type in ("textarea", "checkboxes"))
            if bad:
                shown = "tab" if bad == "\t" else f"U+{ord(bad):04X}"
                self.problem(
                    f.id,
                    f"Jawabannya memuat karakter tak terlihat atau karakter kendali ({shown}).",
                    "Hapus karakter itu (sering terbawa saat menyalin dari PDF atau pengolah "
                    "kata), "
                    "atau ketik ulang bagian itu.",
                )
                continue
            if f.type == "checkboxes":
                self.checkboxes(f)
                continue
            if f.id.startswith("body_"):
                heading = BODY_SECTIONS.get(f.id, f.label)
                self.draft.sections.append((f.id, heading, answer))
                if f.required and not answer and f.id in text:
                    self.problem(f.id, f"Kolom wajib «{f.label}» belum diisi.")
                continue
            if not answer:
                if f.required and f.id in text:  # a missing section is reported by the reader
                    self.problem(f.id, f"Kolom wajib «{f.label}» belum diisi.")
                continue
            if f.type == "input" and "\n" in answer:
                self.problem(
                    f.id,
                    f"Kolom «{f.label}» hanya satu baris, tetapi jawabannya memuat baris baru.",
                    "Tulis jawabannya dalam satu baris.",
                )
                continue
            if f.id in TEXT_FIELDS:
                self.put(TEXT_FIELDS[f.id], answer)
            elif f.id in VOCAB_KEYS:
                found = self.term(f.id, VOCABULARY_FIELDS[f.id], answer)
                if found is not None:
                    self.put(VOCAB_KEYS[f.id], found.id)
            elif f.id == "year":
                if re.fullmatch(r"\d{4}", answer):
                    self.put(("year",), int(answer))
                else:
                    self.problem(f.id, f"«{answer}» bukan tahun.", "Tulis empat angka, mis. 2019.")
            elif f.id == "sdgs":
                self.sdgs(f, answer)
            else:
                getattr(self, f.id)(f, answer)
        return self.draft

    def checkboxes(self, f: Field) -> None:
        ticked = self.answers.checked.get(f.id, set())
        for option in f.required_options:
            if normalise_label(option) not in ticked:
                self.problem(f.id, f"Pernyataan «{option}» belum dicentang.",
                             "Sunting issue dan centang pernyataan itu bila memang benar.")

    def sdgs(self, f: Field, answer: str) -> None:
        vocab = self.tax["sdgs"]
        options = sorted(
            ((option_label("sdgs", t), t) for t in vocab.terms), key=lambda x: -len(x[0])
        )
        chosen: list[Any] = []
        rest = answer.strip()
        while rest:
            for label, term in options:
                if rest[:len(label)].casefold() == label.casefold():
                    chosen.append(term.id)
                    rest = rest[len(label):].lstrip().removeprefix(",").lstrip()
                    break
            else:
                token, _, rest = rest.partition(",")
                found = self.term(f.id, "sdgs", token.strip(), what="SDG")
                if found is not None:
                    chosen.append(found.id)
                rest = rest.strip()
        if chosen:
            self.put(("sdgs",), list(dict.fromkeys(chosen)))

    def aliases(self, f: Field, answer: str) -> None:
        items = _lines(answer)
        self.draft.item_lines[f.id] = [n for n, _ in items]
        self.put(("aliases",), [line for _, line in items])

    def sources(self, f: Field, answer: str) -> None:
        out, lines = [], []
        for n, line in _lines(answer):
            url = _URL_PART.search(line)
            if not url:
                self.problem(
                    f.id,
                    "Baris ini tidak memuat alamat web (diawali https:// atau http://).",
                    "Format: `judul | https://alamat-halaman | penerbit | tanggal terbit | tanggal "
                    "dibaca`.",
                    n,
                )
                continue
            title = line[:url.start()].strip()
            rest = _parts(line[url.end():].lstrip(" \t").removeprefix("|"))
            rest = rest if any(rest) else []
            if len(rest) > 3:
                self.problem(
                    f.id,
                    "Baris sumber punya lebih dari lima bagian yang dipisah `|`.",
                    "Format: `judul | alamat web | penerbit | tanggal terbit | tanggal dibaca`.",
                    n,
                )
                continue
            item: dict[str, Any] = {"title": title, "url": url.group(1)}
            if not title:
                self.problem(
                    f.id,
                    "Judul sumber kosong.",
                    "Tulis judul halaman atau dokumen sebelum `|` pertama.",
                    n,
                )
            for key, value in zip(("publisher", "date", "accessed"), rest):
                if value:
                    item[key] = value
            out.append(item)
            lines.append(n)
        self.draft.item_lines[f.id] = lines
        if out:
            self.put(("sources",), out)

    def outcomes(self, f: Field, answer: str) -> None:
        out, lines = [], []
        for n, line in _lines(answer):
            if "|" not in line:
                match = _TRAILING_SOURCE.match(line)
                item: dict[str, Any] = (
                    {"description": match.group(1), "source": int(match.group(2))}
                    if match and match.group(1)
                    else {"description": line}
                )
            else:
                item = self._numeric_outcome(f, n, _parts(line))
                if item is None:
                    continue
            out.append(item)
            lines.append(n)
        self.draft.item_lines[f.id] = lines
        if out:
            self.put(("outcomes",), out)

    def _numeric_outcome(self, f: Field, n: int, parts: list[str]) -> dict[str, Any] | None:
        fmt = ("`indikator | nilai | satuan | periode | nomor sumber`, boleh ditambah `| nilai "
               "sebelum | tingkat bukti`")
        if not 5 <= len(parts) <= 7:
            self.problem(
                f.id,
                f"Hasil berupa angka butuh 5 sampai 7 bagian yang dipisah `|`, bukan {len(parts)}.",
                f"Format: {fmt}. Hasil tanpa angka ditulis tanpa `|`.",
                n,
            )
            return None
        parts += [""] * (7 - len(parts))
        indicator, value, unit, period, source, baseline, evidence = parts
        item: dict[str, Any] = {"indicator": indicator}
        ok = True
        for key, text, name in (("baseline", baseline, "Nilai sebelum"), ("value", value, "Nilai")):
            if not text:
                continue
            number, why = parse_number(text)
            if number is None:
                self.problem(f.id, f"{name}: {why}", f"Format: {fmt}.", n)
                ok = False
            else:
                item[key] = number
        if not value:
            self.problem(f.id, "Nilai (bagian kedua) kosong.", f"Format: {fmt}.", n)
            ok = False
        item = {k: item[k] for k in ("indicator", "baseline", "value") if k in item}
        item["unit"] = unit
        if period:
            item["period"] = period
        for key, text, name in (
            ("evidence_level", evidence, "Tingkat bukti"),
            ("source", source, "Nomor sumber"),
        ):
            if not text:
                continue
            if re.fullmatch(r"\d{1,3}", text):
                item[key] = int(text)
            else:
                self.problem(
                    f.id, f"{name} «{text}» harus bilangan bulat, mis. 1.", f"Format: {fmt}.", n
                )
                ok = False
        item = {
            k: item[k]
            for k in (
                "indicator",
                "baseline",
                "value",
                "unit",
                "period",
                "evidence_level",
                "source",
            )
            if k in item
        }
        return item if ok else None

    def awards(self, f: Field, answer: str) -> None:
        out, lines = [], []
        fmt = "`program | tahun | tingkat | kategori asli | nomor sumber`"
        for n, line in _lines(answer):
            parts = _parts(line)
            if not 3 <= len(parts) <= 5:
                self.problem(
                    f.id,
                    f"Penghargaan butuh 3 sampai 5 bagian yang dipisah `|`, bukan {len(parts)}.",
                    f"Format: {fmt}.",
                    n,
                )
                continue
            parts += [""] * (5 - len(parts))
            program_text, year, level_text, category, source = parts
            program = self.term(f.id, "awards", program_text, line=n, what="program penghargaan")
            if program is None:
                continue
            level = self.term(f.id, "awards", level_text, terms=program.levels, line=n,
                              what=f"tingkat {program.label}") if program.levels else None
            if not re.fullmatch(r"\d{4}", year):
                self.problem(
                    f.id, f"Tahun penghargaan «{year}» harus empat angka.", f"Format: {fmt}.", n
                )
                continue
            if source and not re.fullmatch(r"\d{1,3}", source):
                self.problem(
                    f.id, f"Nomor sumber «{source}» harus bilangan bulat.", f"Format: {fmt}.", n
                )
                continue
            if program.levels and level is None:
                continue
            item: dict[str, Any] = {"program": program.id, "year": int(year),
                                    "level": level.id if level else level_text}
            if category:
                item["category_original"] = category
            if source:
                item["source"] = int(source)
            out.append(item)
            lines.append(n)
        self.draft.item_lines[f.id] = lines
        if out:
            self.put(("awards",), out)

    def replication_replicates(self, f: Field, answer: str) -> None:
        out, lines = [], []
        for n, line in _lines(answer):
            parts = _parts(line)
            if len(parts) not in (2, 3):
                self.problem(
                    f.id,
                    f"Butuh 2 atau 3 bagian yang dipisah `|`, bukan {len(parts)}.",
                    "Format: `id studi kasus | hubungan` atau `nama inovasi | instansi | "
                    "hubungan`.",
                    n,
                )
                continue
            relation = self.term(f.id, "relations", parts[-1], line=n, what="hubungan replikasi")
            if relation is None:
                continue
            item = ({"id": parts[0], "relation": relation.id} if len(parts) == 2
                    else {"name": parts[0], "agency": parts[1], "relation": relation.id})
            out.append(item)
            lines.append(n)
        self.draft.item_lines[f.id] = lines
        if out:
            self.put(("replication", "replicates"), out)


def build_draft(form: Form, answers: Answers, taxonomies: Taxonomies) -> Draft:
    return _Builder(form, answers, taxonomies).build()


def ordered(data: dict[str, Any]) -> dict[str, Any]:
    """The front matter in the content model's key order."""
    out = {k: data[k] for k in KEY_ORDER if k in data}
    for key, order in (
        ("agency", AGENCY_ORDER),
        ("contact", CONTACT_ORDER),
        ("replication", REPLICATION_ORDER),
    ):
        if key in out:
            out[key] = {k: out[key][k] for k in order if k in out[key]}
    return out


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # type: ignore[override]
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # Anything YAML could read as a line break or drop is written as a double-quoted escape.
    style = (
        '"'
        if any(
            ch in "\x85\u2028\u2029" or (unicodedata.category(ch)[0] == "C" and ch not in "\n\t")
            for ch in value
        )
        else None
    )
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def forbidden_character(text: str, multiline: bool) -> str:
    """The first character a contributor cannot have meant to type (control, format,
    bidirectional, line-separator or noncharacter), or ""; tab and newline pass where a
    field has several lines."""
    for ch in text:
        if ch in "\n\t" and multiline:
            continue
        code = ord(ch)
        if (unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
                or 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE):
            return ch
    return ""


def render_case(
    data: dict[str, Any], sections: list[tuple[str, str, str]]
) -> tuple[str, dict[str, tuple[int, int]]]:
    """The file text, and the line range of each body section (for diagnostics)."""
    front = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                      default_flow_style=False)
    # Belt and braces: plain data through safe_dump never yields a document marker at column 0,
    # and reads back as the same data.
    if (
        any(line.startswith(("---", "...")) for line in front.split("\n"))
        or yaml.safe_load(front) != data
    ):
        raise ValueError("front matter did not round-trip")
    text = "---\n" + front + "---\n"
    ranges: dict[str, tuple[int, int]] = {}
    for field_id, heading, body in sections:
        start = text.count("\n") + 1
        text += f"\n## {heading}\n\n{body or UNKNOWN_SECTION}\n"
        ranges[field_id] = (start, text.count("\n"))
    return text, ranges

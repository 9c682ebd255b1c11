"""Indonesian messages of the YAML reader, for contributors: PyYAML's syntax errors explained,
and what the reader refuses (anchors, aliases, tags)."""

from __future__ import annotations

import yaml

ANCHOR_HINT = ("Hapus `&nama` dan tulis nilainya lengkap di setiap tempat; bila `&` memang "
               "bagian dari teks, beri tanda kutip pada nilainya.")
ALIAS_HINT = ("Tulis nilainya lengkap, tanpa `&jangkar` dan `*alias`; bila `*` memang bagian "
              "dari teks, beri tanda kutip pada nilainya.")
KEY_ANCHOR_MESSAGE = "Jangkar dan alias YAML (`&nama`, `*nama`) tidak diizinkan."
KEY_ANCHOR_HINT = "Tulis kuncinya secara lengkap."
TAG_HINT = "Hapus tag yang diawali `!`."
TAG_VALUE_HINT = "Hapus tag yang diawali `!`; tulis nilainya apa adanya."


# Nesting beyond what the reader takes (three limits, one wording).
TOO_DEEP_HINT = "Periksa tanda kurung `[`/`{` yang tidak ditutup."


def too_deep_message(detail: str = "") -> str:
    """``detail``: the limit that was passed, e.g. "lebih dari 40 tingkat"."""
    return f"Front matter bersarang terlalu dalam ({detail})." if detail else (
        "Front matter bersarang terlalu dalam.")


def anchor_message(name: str) -> str:
    return f"Jangkar YAML `&{name}` tidak diizinkan."


def alias_message(name: str = "nama") -> str:
    return f"Alias YAML `*{name}` tidak diizinkan."


def tag_message(tag: str) -> str:
    return f"Tag YAML `{tag}` tidak diizinkan."


_SYNTAX = (
    (
        "mapping values are not allowed",
        "Titik dua (`:`) tidak diizinkan di sini: indentasi baris ini tidak sama dengan baris di "
        "atasnya, atau nilainya memuat `: ` tanpa tanda kutip.",
        "Samakan indentasi dengan kunci lain di tingkat yang sama (anak diberi dua spasi lebih "
        "banyak); "
        'jika nilainya mengandung `: `, beri tanda kutip, mis. `title: "Judul: Subjudul"`.',
    ),
    (
        "could not find expected ':'",
        "Baris ini bukan pasangan `kunci: nilai` yang lengkap.",
        "Periksa titik dua dan indentasi; teks panjang yang berlanjut ke baris berikutnya perlu "
        "`>` atau tanda kutip.",
    ),
    (
        "did not find expected key",
        "Indentasi tidak sesuai: YAML tidak menemukan kunci yang diharapkan.",
        "Samakan indentasi kunci dengan kunci lain di tingkat yang sama (pakai spasi, bukan tab).",
    ),
    (
        "did not find expected '-' indicator",
        "Indentasi daftar tidak sesuai.",
        "Setiap butir daftar diawali `- ` dengan indentasi yang sama.",
    ),
    (
        "found character '\\t'",
        "Karakter tab tidak boleh dipakai untuk indentasi YAML.",
        "Ganti tab dengan spasi.",
    ),
    (
        "found unexpected end of stream",
        "Tanda kutip atau kurung tidak ditutup.",
        "Periksa pasangan tanda kutip `\"`/`'` dan kurung `[ ]`/`{ }`.",
    ),
    (
        ("invalid Unicode character escape", "hexadecimal numbers", "hexdecimal number"),
        "Urutan `\\x`, `\\u` atau `\\U` di dalam tanda kutip ganda tidak lengkap.",
        "Gunakan tanda kutip tunggal `'...'` atau tulis `\\\\` untuk garis miring terbalik.",
    ),
    (
        ("expected node content", "expected the node content"),
        "Nilai yang diharapkan tidak ada di sini (sering karena kurung atau tanda kutip).",
        "Periksa kurung `[ ]`/`{ }` dan tanda kutip di baris ini; teks yang diawali karakter "
        "khusus diberi tanda kutip.",
    ),
    (
        "found unknown escape character",
        "Urutan escape tidak dikenal di dalam tanda kutip ganda.",
        "Gunakan tanda kutip tunggal `'...'` atau tulis `\\\\` untuk garis miring terbalik.",
    ),
    (
        "expected <block end>, but found",
        "Struktur YAML tidak sesuai (sering karena indentasi atau tanda kutip).",
        "Periksa indentasi baris ini dan baris sebelumnya, dan tanda kutip yang tidak ditutup.",
    ),
    (
        "expected ',' or ']'",
        "Kurung siku `[` tidak ditutup, atau butirnya tidak dipisah koma.",
        "Tutup daftar dengan `]` di baris yang sama, atau tulis butirnya di baris-baris `- ` "
        "tersendiri.",
    ),
    (
        "expected ',' or '}'",
        "Kurung kurawal `{` tidak ditutup, atau pasangannya tidak dipisah koma.",
        "Tutup dengan `}`, atau tulis kunci-kuncinya di baris tersendiri dengan indentasi.",
    ),
    (
        "block sequence entries are not allowed",
        "Tanda `- ` di sini dibaca sebagai butir daftar.",
        "Bila nilainya memang diawali `-`, beri tanda kutip; bila ini butir daftar, periksa "
        "indentasinya.",
    ),
    (
        "while scanning an alias",
        "`*` di awal nilai dibaca YAML sebagai alias.",
        'Bila `*` bagian dari teks, beri tanda kutip pada nilainya, mis. `"*Penting* sekali"`.',
    ),
    (
        "while scanning an anchor",
        "`&` di awal nilai dibaca YAML sebagai jangkar.",
        "Bila `&` bagian dari teks, beri tanda kutip pada nilainya.",
    ),
    (
        "did not find expected <document start>",
        "Baris `%...` (direktif YAML) tidak diizinkan di front matter.",
        "Hapus baris yang diawali `%`; front matter langsung berisi `kunci: nilai`.",
    ),
    (
        ("expected comment or line break", "expected a comment or a line break"),
        "Ada teks tambahan setelah nilai di baris ini.",
        "Bila nilainya bertanda kutip, seluruh teks harus di dalam kutip; setelah `>` atau `|`, "
        "teks dimulai di baris berikutnya dengan indentasi.",
    ),
    (
        "expected a single document",
        "Front matter hanya boleh berisi satu dokumen YAML.",
        "Hapus baris `---`, `...` atau `%` tambahan di dalam front matter.",
    ),
    ("found undefined alias", alias_message(), ALIAS_HINT),
    (
        "found character that cannot start any token",
        "Karakter ini tidak boleh mengawali nilai YAML.",
        "Nilai yang diawali `@` atau tanda petik terbalik harus diberi tanda kutip ganda, "
        'mis. `title: "@akun_dinas di Instagram"`.',
    ),
    (
        "special characters are not allowed",
        "Berkas berisi karakter kontrol yang tidak diizinkan.",
        "Hapus karakter tak terlihat (mis. hasil salin-tempel) dari baris ini.",
    ),
)


def _explained(exc: yaml.MarkedYAMLError) -> tuple[str, str] | None:
    problem = f"{exc.context or ''} {exc.problem or ''}"
    for needles, message, hint in _SYNTAX:
        if any(
            needle in problem for needle in ((needles,) if isinstance(needles, str) else needles)
        ):
            return message, hint
    return None


def syntax_message(exc: yaml.MarkedYAMLError) -> str:
    found = _explained(exc)
    return (
        found[0]
        if found
        else f"YAML tidak valid: {(exc.problem or exc.context or 'kesalahan sintaks').strip()}."
    )


def syntax_hint(exc: yaml.MarkedYAMLError) -> str:
    found = _explained(exc)
    return (
        found[1] if found else "Periksa indentasi (spasi), titik dua, dan tanda kutip di baris ini."
    )

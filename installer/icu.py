"""A smaller ICU data library for the Linux bundle (kiosk.spec calls :func:`trimmed_library`).

PySide6's Qt Core links ICU, and ICU's data library (``libicudata.so.73``, 31 MiB) holds
the data of every ICU service in every language. Qt Core calls only four of them: case
mapping, calendars and time-zone names (``ucal_*``), encoding converters (``ucnv_*``) and
collation (``ucol_*``); Chromium has its own ICU and data (``icudtl.dat``). The library is
rebuilt here with the items that ``installer.trim.icu_deny_reason`` keeps: the same
``icudtNN_dat`` symbol and ``SONAME``, so Qt's ICU loads it as before.

The data is ICU's "common data" package (a header, a sorted table of contents of item
names and offsets, the items at 16-byte boundaries); the library is one read-only symbol,
assembled with ``gcc`` (``.incbin``). Pure Python otherwise.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

from installer import trim

_ALIGN = 16
_FILL = b"\xaa"  # what ICU's pkgdata pads with
MB = 1024 * 1024


@dataclass(frozen=True)
class CommonData:
    header: bytes
    #: (name without the package prefix, e.g. "coll/fi.res"; the item's bytes)
    items: list[tuple[str, bytes]]
    prefix: str  # "icudt73l/"


def _pad(data: bytes) -> bytes:
    return data + _FILL * (-len(data) % _ALIGN)


def read_common_data(blob: bytes) -> CommonData:
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    (count,) = struct.unpack_from("<I", blob, toc)
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    names = []
    for name_offset, _ in entries:
        start = toc + name_offset
        names.append(blob[start : blob.index(b"\0", start)].decode("ascii"))
    prefix = names[0].split("/", 1)[0] + "/"
    items = []
    for index, (name, (_, data_offset)) in enumerate(zip(names, entries, strict=True)):
        end = entries[index + 1][1] if index + 1 < count else len(blob) - toc
        items.append((name.removeprefix(prefix), blob[toc + data_offset : toc + end]))
    return CommonData(blob[:header_size], items, prefix)


def write_common_data(data: CommonData) -> bytes:
    """The package again; names stay in their (sorted) order, as ICU searches them."""
    names = b"".join(f"{data.prefix}{name}".encode("ascii") + b"\0" for name, _ in data.items)
    table = 4 + 8 * len(data.items)
    name_offsets = []
    offset = table
    for name, _ in data.items:
        name_offsets.append(offset)
        offset += len(data.prefix) + len(name) + 1
    # Items start at 16-byte boundaries of the whole package (header included).
    lead = len(data.header) + table + len(names)
    body = bytearray(names + _FILL * (-lead % _ALIGN))
    data_start = table + len(body)
    entries = bytearray(struct.pack("<I", len(data.items)))
    for (_, item), name_offset in zip(data.items, name_offsets, strict=True):
        entries += struct.pack("<II", name_offset, data_start)
        padded = _pad(item)
        body += padded
        data_start += len(padded)
    package = data.header + bytes(entries) + bytes(body)
    return package + _FILL * (-len(package) % _ALIGN)


def _data_symbol(library: bytes) -> tuple[str, bytes, str]:
    """(symbol name, its bytes, SONAME) of an ELF64 little-endian ICU data library."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF library")
    shoff = struct.unpack_from("<Q", library, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)
    ]
    dynsym = next(s for s in sections if s[1] == 11)  # SHT_DYNSYM
    strtab = sections[dynsym[6]]

    def text(offset: int) -> str:
        start = strtab[4] + offset
        return library[start : library.index(b"\0", start)].decode("ascii")

    for index in range(dynsym[5] // 24):
        name_at, _info, _other, shndx, value, size = struct.unpack_from(
            "<IBBHQQ", library, dynsym[4] + index * 24
        )
        name = text(name_at)
        if name.startswith("icudt") and name.endswith("_dat") and size:
            section = sections[shndx]
            start = section[4] + value - section[3]
            soname = ""
            dynamic = next(s for s in sections if s[1] == 6)  # SHT_DYNAMIC
            for entry in range(dynamic[5] // 16):
                tag, val = struct.unpack_from("<qQ", library, dynamic[4] + entry * 16)
                if tag == 14:  # DT_SONAME
                    soname = text(val)
            return name, library[start : start + size], soname
    raise ValueError("no icudtNN_dat symbol")


def trimmed_library(source: Path, work: Path) -> tuple[Path, int, int]:
    """Build the trimmed library in ``work``; returns (its path, bytes before, after)."""
    symbol, blob, soname = _data_symbol(source.read_bytes())
    data = read_common_data(blob)
    kept = [(name, item) for name, item in data.items if not trim.icu_deny_reason(name, len(item))]
    package = write_common_data(CommonData(data.header, kept, data.prefix))
    work.mkdir(parents=True, exist_ok=True)
    (work / "icudata.bin").write_bytes(package)
    (work / "icudata.S").write_text(
        "\n".join(
            [
                '.section .rodata, "a"',
                f".globl {symbol}",
                f".type {symbol}, @object",
                ".balign 16",
                f"{symbol}:",
                '.incbin "icudata.bin"',
                f".size {symbol}, . - {symbol}",
                '.section .note.GNU-stack, "", @progbits',
                "",
            ]
        ),
        encoding="ascii",
    )
    target = work / soname
    subprocess.run(
        ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-Wl,-z,noexecstack",
         "-o", str(target), "icudata.S"],
        cwd=work, check=True,
    )  # fmt: skip
    return target, len(blob), len(package)


def with_trimmed_data(
    binaries: list[tuple[str, str, str]], work: Path
) -> tuple[list[tuple[str, str, str]], str]:
    """PyInstaller's binaries with ICU's data library swapped for the trimmed one (Linux;
    elsewhere, or without it, unchanged); and a line for the build's log."""
    entries = list(binaries)
    for index, (dest, source, kind) in enumerate(entries):
        if Path(dest).name.startswith("libicudata.so"):
            if shutil.which("gcc") is None:
                raise RuntimeError("installer/icu.py assembles ICU's data library with gcc")
            target, before, after = trimmed_library(Path(source), work)
            entries[index] = (dest, str(target), kind)
            return entries, f"ICU data {before / MB:.1f} -> {after / MB:.1f} MiB"
    return entries, "no ICU data library"

"""A small evaluator for the formulas the budget form writes (PRODUCT, SUM, SUMIF, ROUND, + - * /).

LibreOffice is not installed, so the tests recompute every formula cell from
the workbook itself, exactly (``Fraction``), and compare with hand figures.
ROUND(x, 0) rounds half away from zero, as Excel does.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

from openpyxl.utils import column_index_from_string, get_column_letter

_RENTANG = re.compile(r"\b([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)\b")
_SEL = re.compile(r"\b([A-Z]{1,3})(\d+)\b")


class Lembar:
    def __init__(self, ws) -> None:
        self.ws = ws
        self.tembolok: dict[str, object] = {}

    def nilai(self, alamat: str):
        if alamat in self.tembolok:
            return self.tembolok[alamat]
        isi = self.ws[alamat].value
        if isinstance(isi, str) and isi.startswith("="):
            hasil = self._hitung(isi[1:])
        elif isinstance(isi, int | float) and not isinstance(isi, bool):
            hasil = Fraction(isi)
        else:
            hasil = isi
        self.tembolok[alamat] = hasil
        return hasil

    def _rentang(self, a: str, b: str) -> list[str]:
        (c1, r1), (c2, r2) = _SEL.match(a).groups(), _SEL.match(b).groups()
        return [f"{get_column_letter(c)}{r}" for r in range(int(r1), int(r2) + 1)
                for c in range(column_index_from_string(c1), column_index_from_string(c2) + 1)]

    def _angka(self, alamat: str) -> Fraction:
        v = self.nilai(alamat)
        return v if isinstance(v, Fraction) else Fraction(0)

    def _hitung(self, rumus: str):
        env = {"PRODUCT": self._product, "SUM": self._sum, "SUMIF": self._sumif, "ROUND": self._round}
        teks = _RENTANG.sub(lambda m: f"R('{m.group(1)}{m.group(2)}','{m.group(3)}{m.group(4)}')", rumus)
        teks = re.sub(r"(?<!['A-Z])\b([A-Z]{1,3}\d+)\b(?!')", r"C('\1')", teks)
        teks = re.sub(r"(?<![\w.'])(\d+)(?![\w'])", r"Fraction(\1)", teks)
        env |= {"R": self._rentang, "C": self._angka, "Fraction": Fraction}
        return eval(teks, {"__builtins__": {}}, env)

    def _product(self, *args):
        hasil, ada = Fraction(1), False
        for a in args:
            for alamat in a if isinstance(a, list) else []:
                v = self.nilai(alamat)
                if isinstance(v, Fraction):
                    hasil, ada = hasil * v, True
        return hasil if ada else Fraction(0)

    def _sum(self, *args):
        return sum((self._angka(x) for a in args for x in (a if isinstance(a, list) else [])), Fraction(0))

    def _sumif(self, syarat: list[str], kriteria: str, jumlah: list[str]):
        return sum((self._angka(j) for s, j in zip(syarat, jumlah) if self.nilai(s) == kriteria), Fraction(0))

    @staticmethod
    def _round(x: Fraction, digit: Fraction) -> Fraction:
        assert digit == 0
        return Fraction(math.floor(abs(x) + Fraction(1, 2)) * (1 if x >= 0 else -1))

"""Terbilang per KBBI, checked against section 3.4.1 of the reference (which writes "milyar")."""

from decimal import Decimal

import pytest

from lkjip_xl.core.terbilang import terbilang
from lkjip_xl.core.values import InvalidValue


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (100, "seratus"),
        (110, "seratus sepuluh"),
        (1000, "seribu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (11000, "sebelas ribu"),
        (101000, "seratus satu ribu"),  # PyPI terbilang: "seratus seribu"
        (1001000, "satu juta seribu"),  # num2words: "satu juta satu ribu"
        (1000000, "satu juta"),
        (1000000000, "satu miliar"),
        (1000000000000, "satu triliun"),
        (-5, "minus lima"),  # num2words: "min lima"
        (999_999_999_999_999, "sembilan ratus sembilan puluh sembilan triliun sembilan ratus "
         "sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan "
         "ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan"),
    ],
)  # fmt: skip
def test_kbbi_words(n, words):
    assert terbilang(n) == words


# Section 3.4.1 amounts; the reference's words with "milyar" replaced by the KBBI "miliar".
REFERENCE_341 = {
    68269806788: "Enam puluh delapan milyar dua ratus enam puluh sembilan juta delapan ratus enam "
    "ribu tujuh ratus delapan puluh delapan rupiah",
    64933043167: "Enam puluh empat milyar sembilan ratus tiga puluh tiga juta empat puluh tiga "
    "ribu seratus enam puluh tujuh rupiah",
    56659560105: "Lima puluh enam Milyar enam ratus lima puluh sembilan juta lima ratus enam puluh "
    "ribu seratus lima rupiah",
    53406443414: "Lima puluh tiga milyar empat ratus enam juta empat ratus empat puluh tiga ribu "
    "empat ratus empat belas rupiah",
    11610246683: "Sebelas milyar enam ratus sepuluh juta dua ratus empat puluh enam ribu enam "
    "ratus delapan puluh tiga rupiah",
    11526599753: "Sebelas milyar lima ratus dua puluh enam juta lima ratus sembilan puluh sembilan "
    "ribu tujuh ratus lima puluh tiga rupiah",
    110258725: "Seratus sepuluh juta dua ratus lima puluh delapan ribu tujuh ratus dua puluh lima "
    "rupiah",
    53200000: "Lima puluh tiga juta dua ratus ribu rupiah",
}


@pytest.mark.parametrize(("amount", "reference"), REFERENCE_341.items())
def test_reference_amounts(amount, reference):
    expected = reference.replace("Milyar", "miliar").replace("milyar", "miliar")
    assert terbilang(amount, rupiah=True, kapital=True) == expected


def test_terbilang_68269806788():
    assert terbilang(68269806788) == (
        "enam puluh delapan miliar dua ratus enam puluh sembilan juta delapan ratus enam ribu "
        "tujuh ratus delapan puluh delapan"
    )


def test_fractions():
    assert terbilang("12,05") == "dua belas koma nol lima"
    assert terbilang(12.05) == "dua belas koma nol lima"  # no float noise
    assert terbilang(Decimal("0.50")) == "nol koma lima"
    assert terbilang(-0.5) == "minus nol koma lima"
    assert terbilang(5000000.5, rupiah=True) == "lima juta rupiah lima puluh sen"
    assert terbilang(1000.004, rupiah=True) == "seribu rupiah"
    assert terbilang("Rp. 68.269.806.788,-", rupiah=True).startswith("enam puluh delapan miliar")


def test_rejects():
    for bad in (10**15, -(10**15), True, "abc", None, float("inf")):
        with pytest.raises(InvalidValue):
            terbilang(bad)

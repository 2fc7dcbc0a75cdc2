#!/usr/bin/env python3
"""Checks a package's sign-off with nothing of wangbao's: Python, its json and hashlib, and `cryptography`.

    python3 check_signatures.py FOLDER    # FOLDER holds manifest.json and manifest.sig
    python3 check_signatures.py --answer 审核结果.json    # a leader's answer to a 送审包 (REVIEW-EXCHANGE-FORMAT.md)

Written from PACKAGE-FORMAT.md ("Sign-off") alone, so that it referees our TypeScript: manifest.sig over the exact
bytes of manifest.json by a principal listed in `signers`; each review's Ed25519 signature over the RFC 8785
canonical JSON of its statement; each review's contentSha256 against the criterion's content recomputed from the
manifest. Prints one JSON document; exits 0 when the manifest.sig and every review signature verify, else 1.
"""

import base64
import hashlib
import json
import sys
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_der_public_key


def jcs(value) -> str:
    """RFC 8785 for what sign-off hashes (strings, integers, null, booleans, arrays, objects)."""
    if isinstance(value, dict):
        # Members in UTF-16 code-unit order (RFC 8785 3.2.3), which Python's own sort (code points) is not.
        members = sorted(value.items(), key=lambda kv: kv[0].encode("utf-16-be"))
        return "{" + ",".join(jcs(k) + ":" + jcs(v) for k, v in members) + "}"
    if isinstance(value, list):
        return "[" + ",".join(jcs(v) for v in value) + "]"
    if isinstance(value, float):
        raise ValueError("no floats in what sign-off signs")
    # Strings: json.dumps escapes exactly what RFC 8785 does (", \, control characters; \u00xx in lowercase).
    return json.dumps(value, ensure_ascii=False)


def b64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def public_key(b64_der: str):
    key = load_der_public_key(b64(b64_der))
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 key")
    return key


def verifies(key, signature_b64: str, data: bytes) -> bool:
    try:
        key.verify(b64(signature_b64), data)
        return True
    except (InvalidSignature, ValueError):
        return False


def check_manifest_sig(manifest_bytes: bytes, sig_text: str, signers: list) -> str:
    try:
        sig = json.loads(sig_text)
        key = public_key(sig["publicKey"])
        if sig["alg"] != "Ed25519" or hashlib.sha256(b64(sig["publicKey"])).hexdigest() != sig["fingerprint"]:
            return "unreadable"
    except (ValueError, KeyError, TypeError):
        return "unreadable"
    if not verifies(key, sig["signature"], manifest_bytes):
        return "bad-signature"
    listed = [s for s in signers if s.get("publicKey") == sig["publicKey"]]
    if not listed:
        return "signer-unlisted"
    if listed[0].get("level") != "principal":
        return "not-principal"
    if listed[0].get("name") != sig["signer"]["name"] or sig["signer"]["level"] != "principal":
        return "signer-unlisted"
    return "ok"


def content_sha256(manifest: dict, code: str):
    criterion = next((c for c in manifest["criteria"] if c["code"] == code), None)
    if criterion is None:
        return None
    declaration = criterion.get("declaration")
    materials = sorted(
        (
            {
                "id": m["id"],
                "kind": m["kind"],
                "title": m["title"],
                "captionText": m["caption"]["text"] if m.get("caption") else None,
                "eventDate": m["eventDate"],
                "month": m["month"],
                "sha256": m["sha256"],
            }
            for m in manifest["materials"]
            if m["criterionCode"] == code
        ),
        key=lambda m: m["id"].encode("utf-16-be"),
    )
    content = {
        "criterionCode": code,
        "declaration": declaration["statement"] if declaration else None,
        "materials": materials,
    }
    return hashlib.sha256(jcs(content).encode("utf-8")).hexdigest()


def check_review(manifest: dict, review: dict) -> dict:
    signer = next(
        (
            s
            for s in manifest.get("signers", [])
            if s["fingerprint"] == review["fingerprint"]
            and s["name"] == review["signer"]
            and s["level"] == review["level"]
            and hashlib.sha256(b64(s["publicKey"])).hexdigest() == s["fingerprint"]
        ),
        None,
    )
    statement = {
        "format": "wangbao-review",
        "formatVersion": 1,
        "unitId": manifest["unit"]["id"],
        **{
            k: review[k]
            for k in ("criterionCode", "level", "decision", "comment", "at", "contentSha256", "fingerprint")
        },
    }
    signed = jcs(statement).encode("utf-8")
    return {
        "criterionCode": review["criterionCode"],
        "level": review["level"],
        "signature": signer is not None and verifies(public_key(signer["publicKey"]), review["signature"], signed),
        "current": content_sha256(manifest, review["criterionCode"]) == review["contentSha256"],
    }


def check_answer(answer: dict) -> dict:
    """A 审核结果: each review signed by the answer's key for its unit, its content hashing to its contentSha256."""
    signer = answer["signer"]
    key = public_key(signer["publicKey"])
    key_ok = hashlib.sha256(b64(signer["publicKey"])).hexdigest() == signer["fingerprint"]
    reviews = []
    for review in answer["reviews"]:
        statement = {
            "format": "wangbao-review",
            "formatVersion": 1,
            "unitId": answer["unit"]["id"],
            **{
                k: review[k]
                for k in ("criterionCode", "level", "decision", "comment", "at", "contentSha256", "fingerprint")
            },
        }
        content = json.loads(review["content"])
        reviews.append(
            {
                "criterionCode": review["criterionCode"],
                "signature": key_ok
                and review["fingerprint"] == signer["fingerprint"]
                and verifies(key, review["signature"], jcs(statement).encode("utf-8")),
                "content": hashlib.sha256(review["content"].encode("utf-8")).hexdigest() == review["contentSha256"]
                and jcs(content) == review["content"],
            }
        )
    return {"reviews": reviews}


def main() -> int:
    if sys.argv[1] == "--answer":
        verdict = check_answer(json.loads(Path(sys.argv[2]).read_text("utf-8")))
        print(json.dumps(verdict, ensure_ascii=False))
        return 0 if all(r["signature"] and r["content"] for r in verdict["reviews"]) else 1
    folder = Path(sys.argv[1])
    manifest_bytes = (folder / "manifest.json").read_bytes()
    manifest = json.loads(manifest_bytes)
    sig_path = folder / "manifest.sig"
    sig = "missing"
    if sig_path.exists():
        sig = check_manifest_sig(manifest_bytes, sig_path.read_text("utf-8"), manifest.get("signers", []))
    reviews = [check_review(manifest, r) for r in manifest.get("reviews", [])]
    print(json.dumps({"manifestSig": sig, "reviews": reviews}, ensure_ascii=False))
    return 0 if sig == "ok" and all(r["signature"] for r in reviews) else 1


if __name__ == "__main__":
    sys.exit(main())

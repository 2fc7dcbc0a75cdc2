import canonicalize from 'canonicalize';

/** A JSON value: what canonical JSON is defined over (no undefined, functions, dates or class instances). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * RFC 8785 (JCS) canonical JSON as UTF-8 bytes: members sorted by UTF-16 code units, no whitespace, numbers and
 * strings as ECMAScript serialises them. Everything a review signs or a content hash covers goes through here, so
 * that any Ed25519 + SHA-256 library (and the 创城办's tools) can rebuild the same bytes.
 *
 * `canonicalize` (by an author of the RFC) throws on NaN, Infinity and lone surrogates, which have no canonical form.
 * It silently drops a member whose value is `undefined`: `JsonValue` keeps that out at compile time, and callers
 * build their objects with explicit nulls.
 *
 * A value whose objects already hold their members in canonical order (the content and statement objects are built
 * so) is exactly what `JSON.stringify` writes — RFC 8785 serialises strings and numbers as ECMAScript does — and is
 * written by it, several times faster than `canonicalize`'s call per value: a ledger hashes thousands of materials.
 * Anything else (members out of order, a value with no canonical form) goes to `canonicalize`.
 */
export function canonicalJson(value: JsonValue): Buffer {
  const text = inCanonicalOrder(value) ? JSON.stringify(value) : canonicalize(value);
  if (text === undefined) throw new TypeError('canonical JSON: the value has no JSON form');
  return Buffer.from(text, 'utf8');
}

/**
 * Whether `JSON.stringify(value)` is already its canonical form: every object's keys in ascending UTF-16 order,
 * none `undefined`, no `toJSON`; every number finite; every string well formed (no lone surrogate).
 */
function inCanonicalOrder(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return wellFormed(value);
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!inCanonicalOrder(value[i])) return false;
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      const keys = Object.keys(value);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        // The order the engine lists them in, which JSON.stringify follows (integer-like keys first, then insertion).
        if (i > 0 && !(keys[i - 1]! < k)) return false;
        if (!wellFormed(k) || !inCanonicalOrder((value as Record<string, unknown>)[k])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** `String.prototype.isWellFormed` (ES2024; in Node 20 and Electron, not yet in this project's ES2023 lib types). */
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

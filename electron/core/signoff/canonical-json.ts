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
 */
export function canonicalJson(value: JsonValue): Buffer {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('canonical JSON: the value has no JSON form');
  return Buffer.from(text, 'utf8');
}

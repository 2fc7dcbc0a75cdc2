import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '../../electron/core/signoff/canonical-json';
import canonicalize from 'canonicalize';

/**
 * RFC 8785's own examples, typed in from the RFC. The JSON texts are raw strings parsed with JSON.parse, so the
 * RFC's escapes reach the parser exactly as the RFC writes them.
 */
const hex = (s: string) => Buffer.from(s.replace(/\s+/gu, ''), 'hex');

describe('RFC 8785 §3.2.2–3.2.4: the sample object', () => {
  const input = String.raw`{
    "numbers": [333333333.33333329, 1E30, 4.50,
                2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  }`;

  it('comes out as the RFC prints it', () => {
    const want = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalJson(JSON.parse(input) as JsonValue).toString('utf8')).toBe(want);
  });

  it('as exactly the UTF-8 bytes of §3.2.4', () => {
    const want = hex(`
      7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
      75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
      5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
      65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
      5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
      30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d`);
    expect(canonicalJson(JSON.parse(input) as JsonValue).equals(want)).toBe(true);
  });
});

describe('RFC 8785 §3.2.3: members sorted by UTF-16 code units', () => {
  it('puts the values in the order the RFC gives', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    // Read from the text: a parsed object would list "1" first whatever the text says (an integer-like key).
    const text = canonicalJson(JSON.parse(input) as JsonValue).toString('utf8');
    const values = [...text.matchAll(/":"([^"]+)"/gu)].map((m) => m[1]);
    expect(values).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });
});

describe('RFC 8785 Appendix B: numbers', () => {
  const fromBits = (bits: string) => Buffer.from(bits, 'hex').readDoubleBE(0);

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('%s → %s', (bits, want) => expect(canonicalJson(fromBits(bits)).toString('utf8')).toBe(want));

  it.each([
    ['7fffffffffffffff', 'NaN'],
    ['7ff0000000000000', 'Infinity'],
  ])('%s (%s) has no canonical form: refused', (bits) => expect(() => canonicalJson(fromBits(bits))).toThrow());
});

describe('what is not I-JSON', () => {
  it('a lone surrogate is refused, not escaped', () => {
    expect(() => canonicalJson({ a: '\ud800' })).toThrow();
    expect(() => canonicalJson(['x\udc00'])).toThrow();
  });

  it('Chinese text goes out as UTF-8, not escaped', () => {
    expect(canonicalJson({ 标题: '宣讲现场' }).toString('hex')).toBe(
      Buffer.from('{"标题":"宣讲现场"}', 'utf8').toString('hex'),
    );
  });
});

describe('the fast path (members already in canonical order) writes what canonicalize writes', () => {
  /** Values of every JSON kind, objects with keys in and out of order, integer-like keys, Chinese and emoji. */
  function randomValue(next: () => number, depth: number): JsonValue {
    const r = next();
    if (depth > 3 || r < 0.3) {
      const p = next();
      if (p < 0.2) return null;
      if (p < 0.3) return next() < 0.5;
      if (p < 0.6) return Math.round((next() - 0.5) * 1e6) / (next() < 0.5 ? 1 : 1000);
      return ['宣讲现场', 'a"b\\c\n', '😀 志愿', '', '\u2028', 'é'][Math.floor(next() * 6)]!;
    }
    if (r < 0.55) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    const keys = ['b', 'a', '标题', '10', '9', 'aa', 'B', 'captionText', 'id'];
    const out: Record<string, JsonValue> = {};
    for (const k of keys) if (next() < 0.5) out[k] = randomValue(next, depth + 1);
    // Half the objects are built in sorted order (the fast path), half in the order above (canonicalize's).
    return next() < 0.5 ? Object.fromEntries(Object.entries(out).sort(([x], [y]) => (x < y ? -1 : 1))) : out;
  }

  it('for 2,000 random values', () => {
    let s = 7;
    const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const v = randomValue(next, 0);
      expect(canonicalJson(v).toString('utf8')).toBe(canonicalize(v));
    }
  });

  it('a lone surrogate in an ordered object is still refused, and a non-finite number', () => {
    expect(() => canonicalJson({ a: 1, b: '\ud800' })).toThrow();
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { deriveCode, isFullPathCode, localSegment, normalizeCode, parseChineseNumeral } from '@shared/domain/codes';

describe('normalizeCode', () => {
  it.each([
    ['Ⅲ—3', 'III-3'],
    ['１.２.３', '1.2.3'],
    [' 1. 2 ', '1.2'],
    ['Ⅱ–１', 'II-1'],
    ['4.3.1、', '4.3.1'],
    ['A－1', 'A-1'],
    ['1.2.3.', '1.2.3'],
  ])('%s → %s', (input, want) => expect(normalizeCode(input)).toBe(want));
});

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['三十五', 35],
  ])('%s → %d', (s, n) => expect(parseChineseNumeral(s)).toBe(n));
  it.each(['', '百', '十十', 'a', '一二'])('rejects %j', (s) => expect(parseChineseNumeral(s)).toBeUndefined());
});

describe('localSegment', () => {
  it.each([
    ['一、', '1'],
    ['（三）', '3'],
    ['(十二)', '12'],
    ['1)', '1'],
    ['２）', '2'],
    ['3.', '3'],
    ['①', '1'],
    ['Ⅳ', 'IV'],
  ])('%s → %s', (label, want) => expect(localSegment(label)).toBe(want));
  it('gives nothing for a label with no number', () => expect(localSegment('※')).toBeUndefined());
});

describe('deriveCode', () => {
  it('uses an explicit code, normalised', () =>
    expect(deriveCode({ code: 'Ⅲ—３', label: '一、', parentCode: '9', position: 4 })).toBe('III-3'));
  it('uses a printed full path as is', () => {
    expect(deriveCode({ label: '1.2.3', parentCode: '7.7', position: 1 })).toBe('1.2.3');
    expect(deriveCode({ label: 'Ⅲ—3', parentCode: 'III', position: 1 })).toBe('III-3');
    expect(isFullPathCode('1.2.3')).toBe(true);
    expect(isFullPathCode('3')).toBe(false);
  });
  it('joins restarting local numbers to the parent', () => {
    expect(deriveCode({ label: '一、', parentCode: null, position: 5 })).toBe('1');
    expect(deriveCode({ label: '（二）', parentCode: '1', position: 1 })).toBe('1.2');
    expect(deriveCode({ label: '3)', parentCode: '1.2', position: 1 })).toBe('1.2.3');
  });
  it('falls back to tree order', () => {
    expect(deriveCode({ parentCode: null, position: 2 })).toBe('2');
    expect(deriveCode({ label: '※', parentCode: '1.2', position: 4 })).toBe('1.2.4');
  });
});

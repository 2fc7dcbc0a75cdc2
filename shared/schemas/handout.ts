import { z } from 'zod';
import { isIsoDate } from '../domain/period';
import { IsoDate, Month, Year } from './calendar';

/**
 * The 创城办's hand-out (下发包), format 1: `handout.json` and `handout.sig` as HANDOUT-FORMAT.md describes them.
 * Fields may be added to format 1, never renamed: every object keeps members it does not know (`looseObject`).
 * The `catalog` is a whole catalog file; it is validated by the catalog's own schema and builder (the import
 * reads it exactly like a catalog file), so here it is only required to be an object.
 */

export const HANDOUT_FORMAT_VERSION = 1;

/** Lowercase hex SHA-256: fingerprints and file hashes (PACKAGE-FORMAT.md "Encodings"). */
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/u);
const Id = z.string().trim().min(1).max(200);
const Name = z.string().trim().min(1).max(200);
const Code = z.string().trim().min(1).max(100);
/** A real calendar day, `YYYY-MM-DD`. */
const Day = IsoDate.refine(isIsoDate);
/** An ISO 8601 timestamp with its offset (`2025-06-01T09:00:00+08:00`). */
const Timestamp = z.iso.datetime({ offset: true });

/** Just enough to tell the format and its version, before the whole schema. */
export const HandoutHead = z.looseObject({
  format: z.literal('wangbao-handout'),
  formatVersion: z.number().int().min(1),
});

export const HandoutUnit = z.looseObject({
  id: Id,
  name: Name,
  aliases: z.array(Name).max(50).default([]),
});

export const HandoutAssignment = z.looseObject({
  unitId: Id,
  criterionCode: Code,
  role: z.enum(['lead', 'responsible']),
});

export const HandoutRequest = z.looseObject({
  id: Id,
  unitId: Id,
  criterionCode: Code,
  month: Month,
  text: z.string().max(2_000).optional(),
  /** Defaults to the collection day of the month after `month`. */
  due: Day.optional(),
  /** A material kind (id or Chinese label); absent: any kind. */
  kind: z.string().max(40).optional(),
  min: z.number().int().min(1).max(10_000).optional(),
});

export const HandoutClosed = z.looseObject({
  requestId: Id,
  closedAt: Timestamp,
  note: z.string().max(500).optional(),
});

export const HandoutKeyDate = z.looseObject({
  date: Day,
  title: z.string().trim().min(1).max(200),
  criterionCodes: z.array(Code).max(500).default([]),
  note: z.string().max(2_000).optional(),
});

export const HandoutFileEntry = z.looseObject({
  path: z.string().min(1).max(500),
  sha256: Hex64,
  bytes: z.number().int().min(0),
});

export const HandoutFile = z.looseObject({
  format: z.literal('wangbao-handout'),
  formatVersion: z.literal(HANDOUT_FORMAT_VERSION),
  office: z.looseObject({ id: Id, name: Name, fingerprint: Hex64 }),
  issuedAt: Timestamp,
  sequence: z.number().int().min(1).max(1_000_000),
  year: Year,
  period: z.looseObject({ start: Day, end: Day }),
  collectionDay: z.number().int().min(1).max(31).optional(),
  catalog: z.looseObject({}),
  units: z.array(HandoutUnit).min(1).max(5_000),
  assignments: z.array(HandoutAssignment).max(500_000).default([]),
  requests: z.array(HandoutRequest).max(500_000).default([]),
  closed: z.array(HandoutClosed).max(500_000).default([]),
  keyDates: z.array(HandoutKeyDate).max(10_000).default([]),
  files: z.array(HandoutFileEntry).max(1_000).default([]),
});
export type HandoutFile = z.infer<typeof HandoutFile>;

/** `handout.sig`: the office's Ed25519 signature over the exact bytes of handout.json. */
export const HandoutSig = z.looseObject({
  alg: z.literal('Ed25519'),
  /** base64 SPKI DER. */
  publicKey: z.string().min(1).max(200),
  fingerprint: Hex64,
  signer: z.looseObject({ name: z.string().max(200) }),
  /** base64 Ed25519 signature. */
  signature: z.string().min(1).max(200),
});
export type HandoutSig = z.infer<typeof HandoutSig>;

import { z } from 'zod';
import { MATERIAL_KINDS, type MaterialKind } from '../domain/value-sets';
import { IsoDate, Month } from './calendar';

/**
 * `manifest.json` of a 申报包, format 1 (PACKAGE-FORMAT.md). Fields may be added, never renamed: the schema lets
 * unknown fields through, so a package from a newer app of the same format still verifies.
 */
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/u);
const Kind = z.enum(Object.keys(MATERIAL_KINDS) as [MaterialKind, ...MaterialKind[]]);

export const PACKAGE_FORMAT = 'wangbao-package';
export const PACKAGE_FORMAT_VERSION = 1;

/** Just enough to tell a newer format from a broken one. */
export const ManifestHead = z.looseObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int().min(1),
});

export const Manifest = z.looseObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  kind: z.enum(['monthly', 'final']),
  app: z.looseObject({ name: z.string(), version: z.string() }),
  createdAt: z.string().min(1),
  unit: z.looseObject({ id: z.string().min(1), name: z.string().min(1) }),
  year: z.number().int(),
  month: Month,
  period: z.looseObject({ start: IsoDate, end: IsoDate }),
  catalog: z.looseObject({ id: z.string(), edition: z.string(), sha256: z.string() }),
  ruleProfileSha256: Sha256,
  criteria: z.array(
    z.looseObject({
      code: z.string().min(1),
      title: z.string(),
      points: z.number().nullable(),
      status: z.string(),
      /** Declared 不属本单位职责: the statement travels with the package. */
      declaration: z.looseObject({ statement: z.string(), declaredAt: z.string() }).nullable().optional(),
    }),
  ),
  files: z.array(z.looseObject({ path: z.string().min(1), sha256: Sha256, bytes: z.number().int().min(0) })),
  materials: z.array(
    z.looseObject({
      id: z.string().min(1),
      criterionCode: z.string().min(1),
      kind: Kind,
      title: z.string(),
      caption: z
        .looseObject({
          text: z.string(),
          date: z.string().nullable(),
          place: z.string().nullable(),
          people: z.string().nullable(),
          subject: z.string().nullable(),
          reason: z.string().nullable(),
        })
        .nullable(),
      eventDate: IsoDate.nullable(),
      month: Month,
      path: z.string().min(1),
      sha256: Sha256,
      bytes: z.number().int().min(0),
    }),
  ),
  reviews: z.array(
    z.looseObject({
      criterionCode: z.string(),
      level: z.enum(['leader', 'principal']),
      decision: z.string(),
      signer: z.string(),
      fingerprint: z.string(),
      at: z.string(),
      contentSha256: z.string(),
      signature: z.string(),
    }),
  ),
  check: z.looseObject({
    errors: z.number().int().min(0),
    warnings: z.number().int().min(0),
    pointsAtRisk: z.number(),
  }),
});
export type Manifest = z.infer<typeof Manifest>;

/** `manifest.sig` (once sign-off exists): Ed25519 over the exact bytes of manifest.json. */
export const ManifestSignature = z.looseObject({
  alg: z.literal('Ed25519'),
  publicKey: z.string().min(1),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/u),
  signer: z.looseObject({ name: z.string(), level: z.string() }),
  signature: z.string().min(1),
});

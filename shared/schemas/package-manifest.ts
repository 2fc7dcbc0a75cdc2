import { z } from 'zod';
import { MATERIAL_KINDS, type MaterialKind } from '../domain/value-sets';
import { IsoDate, Month } from './calendar';
import { Audit } from './signoff';

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
  /**
   * The sign-off (shared/schemas/signoff.ts: `Review`, `Signer`): each review and signer is checked on its own by
   * verify, so one that is malformed is a `review-signature-invalid`, not a manifest that cannot be read. `signers`
   * and `audit` came with sign-off: a package made before it has neither.
   */
  reviews: z.array(z.unknown()),
  signers: z.array(z.unknown()).optional(),
  audit: Audit.optional(),
  /**
   * 月收集 (HANDOUT-FORMAT.md): the last hand-out the unit imported (null before any) and the state of each of the
   * office's 要账 it holds. Both came with monthly collection: a package made before it has neither.
   */
  handout: z
    .looseObject({ officeFingerprint: Sha256, sequence: z.number().int().min(0), unitId: z.string().min(1) })
    .nullable()
    .optional(),
  requests: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        criterionCode: z.string().min(1),
        month: Month,
        status: z.enum(['open', 'met', 'closed']),
        materialIds: z.array(z.string()),
      }),
    )
    .optional(),
  check: z.looseObject({
    errors: z.number().int().min(0),
    warnings: z.number().int().min(0),
    pointsAtRisk: z.number(),
  }),
});
export type Manifest = z.infer<typeof Manifest>;

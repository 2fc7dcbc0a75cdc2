import { z } from 'zod';
import { RuleProfileFile } from './rule-profile';

/**
 * The catalog file (测评体系), format 1 — our own JSON, documented in the README. A node may nest its children or
 * name its parent by code (`parent`), so both a tree and a flat table can be written. Loose fields accept what a
 * person types (`"2分"`, `"实地考察、网上申报"`, `"市教育局、市卫健委"`); `buildCatalog` normalises them.
 */
const Text = z.string().max(20_000);
const ListOrText = z.union([z.array(z.string().max(500)).max(200), z.string().max(5_000)]);

export const RequirementInput = z.object({
  kind: z.string().min(1).max(40),
  min: z.number().int().min(0).max(10_000).default(1),
  text: z.string().max(2_000).default(''),
  /** What `min` repeats over: each event (每场), month or quarter. */
  per: z.enum(['event', 'month', 'quarter']).optional(),
  /** Files in one counted group (组: a before/after pair is 2). */
  groupSize: z.number().int().min(1).max(20).optional(),
});

export interface CatalogNodeInput {
  code?: string | undefined;
  label?: string | undefined;
  seq?: string | number | undefined;
  title?: string | undefined;
  text?: string | undefined;
  methods?: string[] | string | undefined;
  points?: number | string | null | undefined;
  requirements?: z.input<typeof RequirementInput>[] | string | undefined;
  leadUnit?: string | undefined;
  responsibleUnits?: string[] | string | undefined;
  deadline?: string | undefined;
  dueDate?: string | null | undefined;
  frequency?: string | null | undefined;
  parent?: string | undefined;
  children?: CatalogNodeInput[] | undefined;
  /** Where the node came from (a spreadsheet row), for messages; else its ordinal in the file. */
  row?: number | undefined;
}

export const CatalogNodeInput: z.ZodType<CatalogNodeInput> = z.object({
  code: z.string().max(100).optional(),
  label: z.string().max(100).optional(),
  seq: z.union([z.string().max(50), z.number()]).optional(),
  title: z.string().max(1_000).optional(),
  text: Text.optional(),
  methods: ListOrText.optional(),
  points: z.union([z.number().min(0).max(1000), z.string().max(50), z.null()]).optional(),
  requirements: z.union([z.array(RequirementInput).max(50), z.string().max(5_000)]).optional(),
  leadUnit: z.string().max(500).optional(),
  responsibleUnits: ListOrText.optional(),
  deadline: z.string().max(500).optional(),
  dueDate: z.string().max(20).nullable().optional(),
  frequency: z.string().max(20).nullable().optional(),
  parent: z.string().max(100).optional(),
  row: z.number().int().min(1).optional(),
  get children() {
    return z.array(CatalogNodeInput).max(100_000).optional();
  },
});

export const UnitInput = z.object({
  name: z.string().min(1).max(200),
  aliases: z.array(z.string().min(1).max(200)).max(50).default([]),
});

export const CatalogFile = z.object({
  format: z.literal('wangbao-catalog'),
  formatVersion: z.literal(1),
  edition: z.string().min(1).max(100),
  name: z.string().max(200).optional(),
  units: z.array(UnitInput).max(5_000).optional(),
  nodes: z.array(CatalogNodeInput).min(1).max(100_000),
  /** The checker's rule profile the 创城办 ships with this edition (thresholds, types, severities, points). */
  ruleProfile: RuleProfileFile.optional(),
});
export type CatalogFile = z.infer<typeof CatalogFile>;

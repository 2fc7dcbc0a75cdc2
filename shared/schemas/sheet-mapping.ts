import { z } from 'zod';

/**
 * `mapping.json` for a 台账 import: `{"sheet", "headerRow", "columns": {"<field>": "<column letter or header text>"}}`
 * with the fields of shared/domain/ledger-sheet/fields.ts as keys. Anything left out is guessed.
 */
export const SheetMapping = z.object({
  sheet: z.string().min(1).max(200).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
  columns: z.record(z.string().max(40), z.string().max(200)).optional(),
});
export type SheetMapping = z.infer<typeof SheetMapping>;

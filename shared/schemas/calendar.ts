import { z } from 'zod';
import { ISO_DATE_SHAPE, MAX_YEAR, MIN_YEAR, MONTH_PATTERN } from '../domain/period';

/** The calendar values IPC arguments and the package manifest carry, each defined once (shared/domain/period.ts). */
export const IsoDate = z.string().regex(ISO_DATE_SHAPE);
export const Month = z.string().regex(MONTH_PATTERN);
export const Year = z.number().int().min(MIN_YEAR).max(MAX_YEAR);

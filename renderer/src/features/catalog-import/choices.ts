import type { RequirementKindChoice } from '@shared/domain/requirements';

/** What the officer decided in the preview: scope per leaf, and kinds for phrases the words did not type. */
export interface ImportChoices {
  scope: { code: string; mine: boolean }[];
  requirementKinds: RequirementKindChoice[];
}

export const NO_CHOICES: ImportChoices = { scope: [], requirementKinds: [] };

/** The key of one phrase of one criterion. */
export const phraseKey = (code: string, text: string): string => `${code}\u0000${text}`;

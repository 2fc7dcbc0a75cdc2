import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { defaultRuleProfile, type RuleProfile } from '@shared/schemas/rule-profile';
import type { ProfileInForce } from '@shared/ipc/types';
import { appendAudit } from '../workspace/audit';

/** JSON with object keys sorted at every level, so equal profiles hash equal whatever order they were written in. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export function profileHash(p: RuleProfile): string {
  return createHash('sha256').update(canonicalJson(p)).digest('hex');
}

/** The profile in force: the latest stored one, or the documented defaults. */
export function profileInForce(db: Database.Database): ProfileInForce {
  const row = db
    .prepare('SELECT profile, sha256, origin, created_at FROM rule_profiles ORDER BY id DESC LIMIT 1')
    .get() as { profile: string; sha256: string; origin: 'catalog' | 'user'; created_at: string } | undefined;
  if (!row) {
    const profile = defaultRuleProfile();
    return { profile, sha256: profileHash(profile), origin: 'default', updatedAt: null };
  }
  return {
    profile: JSON.parse(row.profile) as RuleProfile,
    sha256: row.sha256,
    origin: row.origin,
    updatedAt: row.created_at,
  };
}

/** Puts a profile in force and logs it; call inside the transaction of the change that brings it when there is one. */
export function saveProfile(
  db: Database.Database,
  profile: RuleProfile,
  origin: 'catalog' | 'user',
  now: Date,
  catalogVersionId: number | null = null,
): ProfileInForce {
  const sha256 = profileHash(profile);
  db.transaction(() => {
    db.prepare(
      'INSERT INTO rule_profiles (profile, sha256, origin, catalog_version_id, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(JSON.stringify(profile), sha256, origin, catalogVersionId, now.toISOString());
    appendAudit(db, now, 'ruleProfile.set', { origin, sha256, name: profile.name });
  })();
  return { profile, sha256, origin, updatedAt: now.toISOString() };
}

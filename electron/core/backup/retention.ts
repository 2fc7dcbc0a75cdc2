/** How many automatic backups a backup folder keeps per workspace: the last 7 daily and 4 weekly. */
export const RETENTION = { daily: 7, weekly: 4 } as const;

/**
 * Which snapshots to keep: for each of the `daily` most recent local days that have one, that day's newest; for
 * each of the `weekly` most recent ISO weeks (Monday to Sunday) that have one, that week's newest. The two sets
 * overlap (this week's newest is also today's). Counted over days and weeks that have a snapshot, not over the
 * calendar, so a workspace left closed for a month keeps its last backups rather than losing them to the clock.
 */
export function snapshotsToKeep(
  snapshots: readonly { id: string; createdAt: Date }[],
  policy: { daily: number; weekly: number } = RETENTION,
): Set<string> {
  const newestFirst = [...snapshots].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  const pick = (bucket: (d: Date) => string, count: number): void => {
    const seen = new Set<string>();
    for (const s of newestFirst) {
      const b = bucket(s.createdAt);
      if (seen.has(b)) continue;
      if (seen.size >= count) break;
      seen.add(b);
      keep.add(s.id);
    }
  };
  pick(localDay, policy.daily);
  pick(isoWeek, policy.weekly);
  return keep;
}

/** The local calendar day of a moment, `YYYY-MM-DD`. */
export function localDay(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The ISO week (Monday first) of a moment's local day, `YYYY-Www`. */
export function isoWeek(d: Date): string {
  // The Thursday of the same week decides its year (ISO 8601).
  const day = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

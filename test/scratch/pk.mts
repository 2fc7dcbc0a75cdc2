import { mkdirSync } from 'node:fs';
mkdirSync('/tmp/pkgbench', { recursive: true });
const { workspaceOf } = await import('../bench/package');
await workspaceOf('/tmp/pkgbench', 500);

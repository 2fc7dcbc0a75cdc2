import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { fingerprintLines } from '@shared/domain/signoff-card';
import { officeKey } from '../helpers/make-handout';
import { shot } from './browser';
import { cityHandout } from './pages/city-handout';
import { useE2E } from './session';
import { E2E_TEST_MS } from './waits';

const e2e = useE2E();

/** The fingerprint in groups of 4, as the preview and 设置 show it (line breaks read as spaces). */
const groups = (fp: string) => fingerprintLines(fp).replaceAll('\n', ' ');
const spaced = (text: string | null) => (text ?? '').replace(/\s+/gu, ' ').trim();

describe('the 创城办 hand-out (设置 → 创城办下发, a drop on the window) in Chromium against the real core', () => {
  it(
    'imports a hand-out from 设置: the verified preview first, then applied and shown in 设置',
    async () => {
      const { page, app, base, dialogs } = e2e;
      const key = officeKey();
      const h = await cityHandout(base, key);
      await page.getByTestId('try-demo').click();
      await app.nav('设置');
      const panel = page.getByTestId('handout');
      await panel.getByTestId('handout-none').waitFor();

      dialogs.answerFile(h.path);
      await panel.getByRole('button', { name: '导入下发包…' }).click();
      const preview = page.getByTestId('handout-preview');
      await preview.getByRole('button', { name: '确认导入' }).waitFor();
      expect(await preview.textContent()).toContain('示例市创城办');
      expect(spaced(await preview.getByTestId('handout-fingerprint').textContent())).toBe(groups(key.fingerprint));
      expect(await preview.getByTestId('handout-first-sight').textContent()).toContain('初次导入：请与创城办核对指纹');
      const changes = preview.getByTestId('handout-changes');
      // 3.1.3 reworded; the two 要账 of 市教育局 are new, the one for a criterion the catalog lacks is skipped.
      expect(await changes.textContent()).toContain('3.1.3');
      expect(await preview.getByTestId('handout-requests').textContent()).toContain('新增 2');
      expect(await preview.getByTestId('handout-skipped').textContent()).toContain('9.9.9');
      expect(await changes.textContent()).toContain('1 条'); // the key date
      expect(await changes.textContent()).toContain('情况说明模板.txt');
      await shot(page, '60-handout-preview');

      await preview.getByRole('button', { name: '确认导入' }).click();
      await expect.poll(() => page.getByTestId('notice').textContent()).toContain('已导入创城办下发包');
      expect(await preview.count()).toBe(0);
      const status = panel.getByTestId('handout-status');
      await expect.poll(() => status.textContent()).toContain('第 1 期');
      expect(spaced(await status.textContent())).toContain(groups(key.fingerprint));
      expect(await status.textContent()).toContain('情况说明模板.txt');
      await panel.scrollIntoViewIfNeeded();
      await shot(page, '61-settings-handout');
      // What core holds now is what 设置 shows.
      const held = await call('handout:status', {}, e2e.bridge.ctx);
      expect(held).toMatchObject({ sequence: 1, office: { fingerprint: key.fingerprint }, unit: { id: 'u-edu' } });
    },
    E2E_TEST_MS,
  );

  it(
    'a hand-out dropped on the window opens the same preview; a changed key needs the officer to confirm it',
    async () => {
      const { page, app, base, bridge } = e2e;
      const first = await cityHandout(base, officeKey());
      await page.getByTestId('try-demo').click();
      await page.getByTestId('header-unit').waitFor();
      await call('handout:import', { file: first.path }, { ...bridge.ctx, trusted: true });

      const newKey = officeKey();
      const second = await cityHandout(base, newKey, { sequence: 2 });
      // The pointer off 首页's chart (the demo's click left it on a bar): no tooltip over the preview's picture.
      await page.mouse.move(0, 0);
      // Dropped on the header, outside any criterion's materials.
      await app.dropFiles(page.getByTestId('header-unit'), [
        { name: 'handout.zip', type: 'application/zip', bytes: readFileSync(second.path) },
      ]);
      const preview = page.getByTestId('handout-preview');
      await preview.getByTestId('handout-key-changed').waitFor();
      const confirm = preview.getByRole('button', { name: '确认导入' });
      expect(await confirm.isDisabled()).toBe(true);
      expect(spaced(await preview.getByTestId('handout-fingerprint').textContent())).toBe(groups(newKey.fingerprint));
      await shot(page, '62-handout-key-changed');

      await preview.getByLabel('我已与创城办核实新指纹，接受新的签名密钥').check();
      await expect.poll(() => confirm.isEnabled()).toBe(true);
      await confirm.click();
      await expect.poll(() => page.getByTestId('notice').textContent()).toContain('已导入创城办下发包');
      const held = await call('handout:status', {}, bridge.ctx);
      expect(held).toMatchObject({ sequence: 2, office: { fingerprint: newKey.fingerprint } });
    },
    E2E_TEST_MS,
  );

  it(
    'a hand-out naming no unit of ours asks which one it is, and imports once chosen',
    async () => {
      const { page, app, base, dialogs } = e2e;
      const h = await cityHandout(base, officeKey(), {
        units: [
          { id: 'u-edu-sports', name: '市教育体育局' },
          { id: 'u-pub', name: '市委宣传部' },
        ],
        requests: [],
        assignments: [{ unitId: 'u-edu-sports', criterionCode: '3.1.2', role: 'lead' }],
      });
      await page.getByTestId('try-demo').click();
      await app.nav('设置');
      dialogs.answerFile(h.path);
      await page.getByTestId('handout').getByRole('button', { name: '导入下发包…' }).click();
      const preview = page.getByTestId('handout-preview');
      const confirm = preview.getByRole('button', { name: '确认导入' });
      await app.selectInput('本单位在下发包中是哪个单位').waitFor();
      expect(await confirm.isDisabled()).toBe(true);
      await app.selectOption('本单位在下发包中是哪个单位', '市教育体育局');
      await expect.poll(() => confirm.isEnabled()).toBe(true);
      expect(await app.selectInput('本单位在下发包中是哪个单位').count()).toBe(0);
      await confirm.click();
      await expect.poll(() => page.getByTestId('handout-status').textContent()).toContain('市教育体育局');
    },
    E2E_TEST_MS,
  );

  it(
    'a tampered hand-out dropped on the window is refused with the reason, and nothing is imported',
    async () => {
      const { page, app, base, bridge } = e2e;
      const h = await cityHandout(base, officeKey(), {
        tamper: (items) =>
          items.map((i) =>
            i.name === 'handout.json'
              ? { ...i, bytes: Buffer.from(i.bytes.toString('utf8').replace('示例市', '伪造市')) }
              : i,
          ),
      });
      await page.getByTestId('try-demo').click();
      await page.getByTestId('header-unit').waitFor();
      await app.dropFiles(page.getByTestId('header-unit'), [
        { name: 'handout.zip', type: 'application/zip', bytes: readFileSync(h.path) },
      ]);
      const notice = page.getByTestId('notice');
      await expect.poll(() => notice.textContent()).toContain('未导入');
      expect((await notice.textContent())!.length).toBeGreaterThan('未导入'.length + 4);
      expect(await page.getByTestId('handout-preview').count()).toBe(0);
      expect(await call('handout:status', {}, bridge.ctx)).toBeNull();
      // Anything else dropped outside a criterion is not taken, and the officer is told where materials go.
      await app.dropFiles(page.getByTestId('header-unit'), [
        { name: '照片.jpg', type: 'image/jpeg', bytes: Buffer.from('not a hand-out') },
      ]);
      await expect.poll(() => notice.textContent()).toContain('不是下发包');
    },
    E2E_TEST_MS,
  );
});

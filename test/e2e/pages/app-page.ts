import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { periodPhoto } from '../../helpers/photos';

/** Page object for the app: what a user sees and does, named as they would. */
export class AppPage {
  constructor(readonly page: Page) {}

  get welcome(): Locator {
    return this.page.getByTestId('welcome');
  }
  get ledger(): Locator {
    return this.page.getByTestId('ledger');
  }
  get tree(): Locator {
    return this.page.getByTestId('criteria-tree');
  }
  get detail(): Locator {
    return this.page.getByTestId('criterion-detail');
  }
  get table(): Locator {
    return this.page.getByTestId('ledger-table');
  }
  get progress(): Locator {
    return this.page.getByTestId('progress-summary');
  }

  treeRow(code: string): Locator {
    return this.tree.locator(`[data-code="${code}"]`);
  }
  /** Codes of the leaf rows shown in the tree, in order. */
  async visibleLeafCodes(): Promise<string[]> {
    return this.tree
      .locator('[role=treeitem]:not([aria-expanded])')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
  }
  async tableCodes(): Promise<string[]> {
    return this.table.locator('tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('搜索').fill(text);
  }
  async scope(label: '本单位' | '全部'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: '范围' }).getByText(label, { exact: true }).click();
  }
  /** A Mantine Select's input, by its aria-label. */
  selectInput(label: string): Locator {
    return this.page.locator(`input[aria-label="${label}"]`);
  }
  /**
   * Opens the Select and picks the option. The click is repeated while the list has not opened: inside a Modal that
   * is still opening, the Modal's focus trap can take the focus back and close the list the first click opened.
   */
  async selectOption(label: string, option: string): Promise<void> {
    const item = this.page.getByRole('option', { name: option, exact: true });
    for (let attempt = 1; ; attempt++) {
      await this.selectInput(label).click();
      try {
        await item.waitFor({ state: 'visible', timeout: 5_000 });
        break;
      } catch (e) {
        if (attempt >= 6) throw e;
      }
    }
    await item.click();
  }
  async clearSelect(label: string): Promise<void> {
    await this.selectInput(label).hover();
    await this.selectInput(label).locator('xpath=..').locator('button').click();
  }
  async view(label: '树形' | '表格'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: '视图' }).getByText(label, { exact: true }).click();
  }
  /** Drops files (name → bytes) onto an element, as a user dragging them from the file manager. */
  async dropFiles(target: Locator, files: { name: string; bytes: Buffer; type: string }[]): Promise<void> {
    const payload = files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString('base64') }));
    const dt = await this.page.evaluateHandle((list) => {
      const t = new DataTransfer();
      for (const f of list) {
        const bin = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        t.items.add(new File([bin], f.name, { type: f.type }));
      }
      return t;
    }, payload);
    await target.dispatchEvent('dragover', { dataTransfer: dt });
    await target.dispatchEvent('drop', { dataTransfer: dt });
  }
  /** In the 台账, drops a sharp photo of 2026-03-12 (inside the period) on a criterion and waits for it to land. */
  async dropPeriodPhoto(code: string, dir: string): Promise<void> {
    await this.nav('台账');
    await this.tree.waitFor();
    await this.treeRow(code).click();
    const photo = await periodPhoto(join(dir, '宣讲.jpg'));
    await this.dropFiles(this.page.getByTestId('dropzone'), [
      { name: '宣讲.jpg', type: 'image/jpeg', bytes: readFileSync(photo) },
    ]);
    await expect.poll(() => this.page.getByTestId('attach-summary').textContent()).toContain('已添加 1 个');
  }
  async nav(label: '首页' | '台账' | '体检' | '审核' | '导出' | '设置' | '关闭工作区'): Promise<void> {
    await this.page.getByRole('navigation').getByText(label, { exact: true }).click();
  }
}

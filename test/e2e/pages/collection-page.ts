import type { Locator, Page } from 'playwright-core';

/** Page object for 月收集 and the reminder banner: what the officer sees and does there, named as they would. */
export class CollectionPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByText('月收集', { exact: true }).click();
    await this.screen.waitFor();
  }
  get screen(): Locator {
    return this.page.getByTestId('collection');
  }
  /** The month picker's input (its shown value: `2026年6月（本期）`). */
  get month(): Locator {
    return this.page.locator('input[aria-label="收集月份"]');
  }
  get badge(): Locator {
    return this.page.getByTestId('nav-collection-overdue');
  }
  counter(which: 'owed' | 'met' | 'overdue'): Locator {
    return this.page.getByTestId(`count-${which}`);
  }
  owedRows(code: string): Locator {
    return this.page.locator(`[data-testid=owed-row][data-code="${code}"]`);
  }
  request(id: string): Locator {
    return this.page.locator(`[data-testid=request][data-id="${id}"]`);
  }
  requests(): Locator {
    return this.page.getByTestId('request');
  }
  get reminders(): Locator {
    return this.page.getByTestId('reminders');
  }
  reminder(type: 'due' | 'overdue' | 'keyDate'): Locator {
    return this.page.locator(`[data-testid=reminder][data-type=${type}]`);
  }
  async tab(label: '全年' | RegExp): Promise<void> {
    await this.screen.getByRole('tab', { name: label }).click();
  }
  get grid(): Locator {
    return this.page.getByTestId('year-grid');
  }
  cell(code: string, month: string): Locator {
    return this.grid.locator(`tr[data-code="${code}"] td[data-month="${month}"]`);
  }
}

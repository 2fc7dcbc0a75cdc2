import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shot } from './browser';
import { useE2E } from './session';

const e2e = useE2E();

/**
 * A catalog for 市教育局 whose dates sit around the e2e day (2026-06-15): two passed, one in 5 days, one on the 14th
 * day, one on the 15th (just outside 首页's two weeks). The demo's own dates are all 15 days or more away then.
 */
function writeDueCatalog(path: string): void {
  const leaf = (label: string, title: string, deadline: string, points: number) => ({
    label,
    title,
    text: `${title}的工作材料。`,
    methods: '网上申报',
    points,
    requirements: [{ kind: 'photo', min: 1, text: '实景图片' }],
    leadUnit: '市教育局',
    deadline,
  });
  const catalog = {
    format: 'wangbao-catalog',
    formatVersion: 1,
    edition: '2026测试',
    name: '首页测试用测评体系',
    nodes: [
      {
        label: '一、',
        title: '教育系统专项',
        children: [
          {
            label: '（一）',
            title: '校园工作',
            children: [
              leaf('1.', '五月底前报送的工作方案', '2026年5月31日前', 2),
              leaf('2.', '本周到期的活动照片', '2026年6月20日前', 1.5),
              leaf('3.', '两周内到期的情况说明', '2026年6月29日前', 1),
              leaf('4.', '月底到期的统计表', '2026年6月30日前', 1),
              leaf('5.', '四月底前报送的总结', '2026年4月30日前', 3),
            ],
          },
        ],
      },
    ],
  };
  writeFileSync(path, JSON.stringify(catalog), 'utf8');
}

/** The codes listed under 已逾期 or 近期到期, in order. */
const codesIn = (list: string) =>
  e2e.page
    .getByTestId(list)
    .locator('[data-code]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));

describe('首页 in Chromium against the real core', () => {
  it('opens the demo on 首页, whose numbers are the header’s and the 体检’s; the trend follows a photo', async () => {
    const { page, app, base } = e2e;
    await page.getByTestId('try-demo').click();
    await page.getByTestId('home').waitFor();
    await page.getByTestId('header-points-at-risk').waitFor(); // the 体检 has run
    const header = (await app.progress.textContent()) ?? '';
    const complete = (await page.getByTestId('home-complete').textContent()) ?? '';
    expect(complete).toMatch(/^已齐全 \d+\/\d+$/u);
    expect(header).toContain(complete);
    expect(await page.getByTestId('home-percent').textContent()).toBe(
      await page.getByTestId('progress-percent').textContent(),
    );
    const points = await page.getByTestId('home-points-at-risk').textContent();
    expect(points).toBe(await page.getByTestId('header-points-at-risk').textContent());
    // On 2026-06-15 nothing of the demo's is due within two weeks (the nearest named date is 6-30), but every
    // monthly and quarterly criterion still owes a collection already passed: late, as many as the header says.
    await expect.poll(() => page.getByTestId('home-soon').textContent()).toContain('近 14 天没有到期的标准');
    expect(await page.getByTestId('home-soon').textContent()).toContain('下一个截止：6月30日前');
    const overdue = /逾期 (\d+)/u.exec((await app.progress.textContent()) ?? '')?.[1];
    expect(await page.getByTestId('home-late').textContent()).toContain(`已逾期 ${overdue} 条`);
    expect(await page.getByTestId('home-review').textContent()).toContain('还没有需要审核的标准');
    await page.getByTestId('home-trend').locator('[data-month]').first().waitFor();
    await page.mouse.move(0, 0); // off the trend, whose tooltip would cover the picture
    await shot(page, '01-home');

    await app.nav('体检');
    const total = /预计共失分 ([\d.]+) 分/u.exec((await page.getByTestId('check-total').textContent()) ?? '')![1];
    expect(points).toBe(`预计失分 ${total} 分`);

    // A photo of 2026-03-12 counts for March: that month's bar now has one criterion.
    await app.dropPeriodPhoto('3.1.2', base);
    await app.nav('首页');
    const march = page.getByTestId('home-trend').locator('[data-month="2026-03"]');
    await expect.poll(() => march.textContent()).toMatch(/^1/u);
    await shot(page, '01d-home-trend');
    // The criterion with a photo now waits for the 分管领导 (leader sign-off: signoff.test.ts).
    expect(await page.getByTestId('home-review-leader').textContent()).toBe('待分管领导审改 1 条');
    expect(await page.getByTestId('home-points-at-risk').textContent()).toBe(
      await page.getByTestId('header-points-at-risk').textContent(),
    );
  });

  it('lists what is late and due within 14 days; a late item opens its criterion in the 台账', async () => {
    const { page, app, base, dialogs } = e2e;
    await app.welcome.waitFor();
    await page.getByLabel('单位名称').fill('市教育局');
    await page.getByRole('button', { name: '创建工作区' }).click();
    await page.getByTestId('ledger-empty').waitFor(); // no catalog yet: the 台账, which offers the import

    await app.nav('首页');
    await expect.poll(() => page.getByTestId('home').textContent()).toContain('还没有测评体系');
    await shot(page, '01c-home-no-catalog');
    const file = join(base, '首页测试.json');
    writeDueCatalog(file);
    dialogs.answerFile(file);
    await page.getByTestId('home').getByRole('button', { name: '导入台账或测评体系' }).click();
    await page.getByRole('button', { name: '确认导入' }).click();

    // Late: most days late first; soon: soonest first, the 14th day in, the 15th out.
    await expect.poll(() => codesIn('home-late')).toEqual(['1.1.5', '1.1.1']);
    expect(await codesIn('home-soon')).toEqual(['1.1.2', '1.1.3']);
    const late = page.getByTestId('home-late');
    expect(await late.textContent()).toContain('已逾期 2 条');
    expect(await late.locator('[data-code="1.1.5"]').textContent()).toContain('逾期 46 天');
    expect(await page.getByTestId('home-soon').locator('[data-code="1.1.2"]').textContent()).toContain('还有 5 天');
    expect(await page.getByTestId('home-soon').locator('[data-code="1.1.3"]').textContent()).toContain('还有 14 天');
    expect(await app.progress.textContent()).toContain('逾期 2');
    await shot(page, '01b-home-due');

    // The 台账's own filters agree: 已逾期 and 14天内到期 show the same criteria.
    await app.nav('台账');
    await app.selectOption('截止', '逾期');
    await expect.poll(() => app.visibleLeafCodes()).toEqual(['1.1.1', '1.1.5']);
    await app.selectOption('截止', '14天内到期');
    await expect.poll(() => app.visibleLeafCodes()).toEqual(['1.1.2', '1.1.3']);
    await app.clearSelect('截止');
    await app.nav('首页');

    await late.getByRole('button', { name: /1\.1\.1 五月底前报送的工作方案/u }).click();
    await app.detail.waitFor();
    expect(await app.detail.textContent()).toContain('五月底前报送的工作方案');
    expect(await app.treeRow('1.1.1').getAttribute('aria-selected')).toBe('true');
  });
});

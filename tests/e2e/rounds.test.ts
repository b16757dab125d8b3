import { expect, test } from 'vitest';
import { apiGet, chooseOption, signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();

test('a community secretary opens a round over a grid with a checklist; closing is refused while households are not covered, then closes with a reason', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'secretary');
  const tree = (await apiGet(page, '/territories/tree')).data as {
    name: string;
    children: { id: string; name: string; level: string }[];
  }[];
  const grid = tree[0]!.children.find((c) => c.level === 'grid') ?? tree[0]!.children[0]!;

  await page.goto('/rounds');
  await page.getByTestId('rounds-open').click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, dialog.getByTestId('rounds-form-scope'), grid.name);
  await dialog.getByTestId('rounds-form-name').fill('网格冬季敲门行动');
  const dates = dialog.locator('.ant-picker-range input');
  await dates.nth(0).click();
  await dates.nth(0).fill('2026-01-01');
  await dates.nth(1).click();
  await dates.nth(1).fill('2026-12-31');
  await page.keyboard.press('Enter');
  await dialog.getByPlaceholder('如：是否有独居老人需要帮助？').fill('是否有独居老人需要帮助？');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();

  // The round's page: nothing covered yet, the grid's row in the live progress.
  await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.getByTestId('round-coverage').textContent()).toContain('0');
  await page.getByTestId('round-grids').getByText(grid.name).waitFor();
  await page.getByRole('tab', { name: '住户清单' }).click();
  await page.getByTestId('round-households').locator('tbody tr.ant-table-row').first().waitFor();

  // Closing without a reason: the server's 409 says how many households are not covered.
  await page.getByTestId('round-close').click();
  const close = page.getByRole('dialog');
  await close.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect.poll(() => close.getByTestId('round-close-error').textContent()).toMatch(/还有 \d+ 户/);
  await close.getByTestId('round-close-reason').fill('网格内住户多数外出务工，已电话联系');
  await close.getByRole('button', { name: /确\s*定|OK/ }).click();
  await close.waitFor({ state: 'hidden' });
  await page.getByText('网格内住户多数外出务工，已电话联系').waitFor();
  await expect.poll(() => page.getByTestId('round-close').count()).toBe(0);
  await page.context().close();
});

import { expect, test } from 'vitest';
import { apiGet, signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();

test('a grid worker writes a visit log on a phone and finds it by a word from its middle; the secretary comments on it and the worker reads the comment', async () => {
  const phone = await e2e.newPage({ width: 390, height: 844 });
  await signIn(phone, 'grid');
  const [household] = (await apiGet(phone, '/households?pageSize=1')).data as {
    address: string;
    headName: string | null;
  }[];
  const label = `${household!.address}${household!.headName ? ` · ${household!.headName}` : ''}`;

  await phone.goto('/visit-logs/new');
  await phone
    .getByTestId('visit-log-text-input')
    .fill('走访发现三单元楼道堆放纸箱和旧家具，钱阿姨担心消防安全。');
  // Typing the address finds the household; its option reads "address · head".
  const households = phone.getByTestId('visit-log-households');
  await households.click();
  await households.locator('input').first().pressSequentially(household!.address);
  const option = phone.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true }).first();
  await expect
    .poll(
      async () => {
        if ((await households.textContent())?.includes(household!.address)) return true;
        await option.click({ timeout: 2_000 }).catch(() => undefined);
        return (await households.textContent())?.includes(household!.address) ?? false;
      },
      { timeout: 15_000, interval: 300 },
    )
    .toBe(true);
  await phone.keyboard.press('Escape');
  await phone.getByTestId('visit-log-submit').click();
  await phone.waitForURL(/\/visit-logs$/);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Search for words from the middle of the encrypted text.
  await phone.getByTestId('visit-logs-search').locator('input').fill('纸箱和旧家具');
  await phone.getByTestId('visit-logs-search').locator('input').press('Enter');
  await expect.poll(() => phone.getByTestId('visit-log-card').count(), { timeout: 15_000 }).toBe(1);
  expect(await phone.getByTestId('visit-log-card').textContent()).toContain('钱阿姨担心消防安全');

  // The secretary finds it at the desk and comments.
  const desk = await e2e.newPage();
  await signIn(desk, 'secretary');
  await desk.goto('/visit-logs');
  await desk.getByTestId('visit-logs-search').locator('input').fill('旧家具');
  await desk.getByTestId('visit-logs-search').locator('input').press('Enter');
  const row = desk.locator('tr.ant-table-row', { hasText: '纸箱和旧家具' });
  await row.waitFor();
  await row.click();
  const drawer = desk.getByTestId('visit-log-drawer');
  await drawer.getByTestId('visit-log-text').waitFor();
  await drawer.getByTestId('visit-log-comment-input').fill('请联系物业三日内清理，清理后拍照反馈。');
  await drawer.getByTestId('visit-log-comment-send').click();
  await drawer.getByTestId('visit-log-comment').filter({ hasText: '三日内清理' }).waitFor();

  // The worker opens the log on the phone and reads the comment.
  await phone.reload();
  await phone.getByTestId('visit-logs-search').locator('input').fill('纸箱');
  await phone.getByTestId('visit-logs-search').locator('input').press('Enter');
  await expect.poll(() => phone.getByTestId('visit-log-card').count(), { timeout: 15_000 }).toBe(1);
  await phone.getByTestId('visit-log-card').click();
  await phone
    .getByTestId('visit-log-drawer')
    .getByTestId('visit-log-comment')
    .filter({ hasText: '三日内清理' })
    .waitFor();
  await desk.context().close();
  await phone.context().close();
});

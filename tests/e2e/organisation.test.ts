import { expect, test } from 'vitest';
import { apiGet, signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();

test('a community secretary reads the coverage board, prints a building’s contact cards, and a resident scans the QR code', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'secretary');
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '组织覆盖' }).click();
  await page.waitForURL((url) => url.pathname === '/coverage');
  await page.getByTestId('coverage-buildingsWithoutLeader').waitFor();
  const board = (await apiGet(page, '/coverage')).data as {
    buildingsWithoutLeader: { total: number; rows: { id: string; households: number }[] };
  };
  const shown = await page.getByTestId('coverage-buildingsWithoutLeader').textContent();
  expect(shown).toContain(board.buildingsWithoutLeader.total.toLocaleString());

  // The first building on the list: its cards, one per household, from the board's link.
  const building = board.buildingsWithoutLeader.rows[0]!;
  await page.getByTestId('coverage-list-buildingsWithoutLeader').getByRole('link').first().click();
  await page.waitForURL((url) => url.pathname === `/buildings/${building.id}/cards`);
  await page.getByTestId('service-card').first().waitFor();
  expect(await page.getByTestId('service-card').count()).toBe(building.households);
  expect(await page.locator('[data-testid="service-card"] svg').count()).toBeGreaterThanOrEqual(
    building.households,
  );

  // Printed, the cards come four to an A4 page.
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(Math.ceil(building.households / 4));

  // The QR code's page opens without signing in, on a phone.
  const cards = (await apiGet(page, `/buildings/${building.id}/service-cards`)).data as {
    pagePath: string;
  };
  const phone = await e2e.newPage({ width: 390, height: 844 });
  await phone.goto(cards.pagePath);
  await phone.getByTestId('building-page').getByRole('heading').waitFor();
  expect(await phone.getByTestId('building-page').textContent()).toContain('服务人员');
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await phone.goto(`${cards.pagePath.slice(0, -1)}x`);
  await phone.getByText('该二维码无效或楼栋已不存在').waitFor();
});

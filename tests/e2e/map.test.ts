import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { TerritoryMap } from '../../src/server/modules/registry/places.schemas.ts';
import { apiGet, signIn, usePlatformAndBrowser } from './support.ts';

type TreeNode = { id: string; level: string; name: string; children: TreeNode[] };

const e2e = usePlatformAndBrowser();

/** Paths of the territory requests the page sends from now on, except the tree the place picker loads. */
function territoryRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v1/territories/') && url.pathname !== '/api/v1/territories/tree') {
      seen.push(url.pathname.replace('/api/v1', '') + url.search);
    }
  });
  return seen;
}

async function apiData<T>(page: Page, path: string): Promise<T> {
  return ((await apiGet(page, path)) as { data: T }).data;
}

describe('map', () => {
  test('a street with all its grids and the key-population layer is drawn from one request', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'street');
    const street = (await apiData<TreeNode[]>(page, '/territories/tree'))[0]!;
    expect(street.level).toBe('street');
    const grids = street.children.flatMap((c) => c.children);

    const requests = territoryRequests(page);
    await page.goto(`/map?node=${street.id}&grids=1&key=1`);
    const polygons = page.locator('[data-testid=map] path.ww-map-area-grid');
    await expect.poll(() => polygons.count(), { timeout: 20_000 }).toBe(grids.length);
    await page.getByTestId('map-legend').waitFor();
    expect(requests).toEqual([`/territories/${street.id}/map?areas=grids`]);

    // The choropleth spans the ramp: the lightest and the darkest class both occur.
    const fills = await polygons.evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));
    expect(fills).toContain('#fff1e6');
    expect(fills).toContain('#a83206');
    await page.context().close();
  });

  test('a community shows its buildings, clickable under the key-population layer too; a building’s popup has the numbers the API gives', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'secretary');
    const community = (await apiData<TreeNode[]>(page, '/territories/tree'))[0]!;
    expect(community.level).toBe('community');
    const map = await apiData<TerritoryMap>(page, `/territories/${community.id}/map`);
    const located = map.buildings!.features.filter((b) => b.geometry);
    expect(located.length).toBeGreaterThan(0);

    const requests = territoryRequests(page);
    await page.goto('/map');
    const points = page.locator('[data-testid=map] path.ww-map-building');
    await expect.poll(() => points.count(), { timeout: 20_000 }).toBe(located.length);
    expect(await page.locator('[data-testid=map] path.ww-map-area-grid').count()).toBe(
      community.children.length,
    );
    expect(requests).toEqual([`/territories/${community.id}/map`]);

    // With the key-population layer the areas are redrawn, and the building points stay above them.
    await page.getByTestId('map-key-layer').click();
    await page.getByTestId('map-legend').waitFor();
    await points.last().click();
    const popup = page.getByTestId('map-building-popup');
    await popup.waitFor();
    const name = await popup.locator('.ww-map-popup-title').textContent();
    const building = located.find((b) => b.properties.name === name);
    expect(building, name ?? '').toBeDefined();
    const numbers = await popup.locator('dd').allTextContents();
    expect(numbers).toEqual(
      [
        building!.properties.floors,
        building!.properties.unitCount,
        building!.properties.households,
        building!.properties.residents,
      ].map(String),
    );
    await page.context().close();
  });
});

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

/** A 1×1 transparent PNG: every tile the browser asks for is answered with it, so no test reaches the internet. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Every request the page sends off the platform's own host, answered locally with a tile (or refused). */
async function foreignRequests(page: Page): Promise<URL[]> {
  const seen: URL[] = [];
  const own = new URL(page.url() === 'about:blank' ? 'http://127.0.0.1' : page.url()).hostname;
  await page.context().route(
    (url) => url.hostname !== own && url.hostname !== '127.0.0.1' && url.protocol !== 'data:',
    async (route) => {
      const url = new URL(route.request().url());
      seen.push(url);
      if (/\.(tianditu\.gov\.cn|tiles\.example\.gov\.cn)$/.test(url.hostname)) {
        await route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
      } else {
        await route.abort();
      }
    },
  );
  return seen;
}

/** Sets a county setting through the settings page, as the county administrator does. */
async function saveSetting(page: Page, key: string, value: string) {
  await page.goto('/settings');
  const card = page.getByTestId(`setting-${key}`);
  await card.waitFor();
  const select = card.locator('.ant-select');
  if (await select.count()) {
    await select.click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(value, { exact: true }).click();
  } else {
    await card.getByRole('textbox').fill(value);
  }
  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/settings/${key}`) && r.request().method() === 'PUT',
  );
  await card.getByRole('button', { name: /保\s*存/ }).click();
  expect((await saved).status()).toBe(200);
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
    const numbers = await popup.locator('.ww-map-popup-stats dd').allTextContents();
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

  test('draws no tiles without a base map, shows a metric scale bar and names its controls; labels stay inside their areas and hide when they no longer fit', async () => {
    const page = await e2e.newPage();
    const foreign = await foreignRequests(page);
    await signIn(page, 'secretary');
    const community = (await apiData<TreeNode[]>(page, '/territories/tree'))[0]!;
    await page.goto('/map');
    await expect
      .poll(() => page.locator('[data-testid=map] path.ww-map-area-grid').count(), { timeout: 20_000 })
      .toBe(community.children.length);
    await expect
      .poll(() => page.getByTestId('map-note').textContent(), { timeout: 10_000 })
      .toContain('未配置底图');
    // The county's offline base layer instead: grey roads and a blue river under the areas (territory_base_lines).
    expect(await page.locator('[data-testid=map] path.ww-base-road').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=map] path.ww-base-river').count()).toBe(1);
    const scale = page.locator('[data-testid=map] .leaflet-control-scale-line');
    expect(await scale.count()).toBe(1);
    expect(await scale.textContent()).toMatch(/^\d+ (m|km)$/);
    expect(await page.locator('[data-testid=map] img.leaflet-tile').count()).toBe(0);
    expect(foreign.map(String)).toEqual([]);

    // Controls have names: the map region, the zoom buttons, the layer switches.
    expect(await page.getByRole('region', { name: /地图/ }).count()).toBe(1);
    await page.getByRole('button', { name: '放大' }).waitFor();
    await page.getByRole('button', { name: '缩小' }).waitFor();
    await page.getByRole('switch', { name: '重点人群分布' }).waitFor();

    // Every label shown lies inside its own area's outline (its box inside the area's drawn box, its middle on the
    // area's path).
    const labels = page.locator('[data-testid=map] .ww-map-label');
    await expect.poll(() => labels.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const placed = await labels.evaluateAll((elements) =>
      elements.map((label) => {
        const id = label.querySelector<HTMLElement>('[data-area]')!.dataset.area!;
        const path = document.querySelector<SVGPathElement>(`path.ww-map-a-${id}`)!;
        const box = label.getBoundingClientRect();
        const area = path.getBoundingClientRect();
        const middle = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        const hit = document.elementsFromPoint(middle.x, middle.y).includes(path);
        return {
          inside:
            box.left >= area.left &&
            box.right <= area.right &&
            box.top >= area.top &&
            box.bottom <= area.bottom,
          hit,
        };
      }),
    );
    expect(
      placed.every((p) => p.inside && p.hit),
      JSON.stringify(placed),
    ).toBe(true);
    // Zoomed far out, no area has room for its name.
    // Leaflet drops a zoom click that lands while the previous zoom still animates, so click until none is left.
    const zoomOut = page.getByRole('button', { name: '缩小' });
    await expect
      .poll(
        async () => {
          const count = await labels.count();
          if (count > 0 && (await zoomOut.getAttribute('aria-disabled')) !== 'true') await zoomOut.click();
          return count;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(0);
    await page.context().close();
  });

  test('a grid’s popup names its workers and branch secretary, a building’s its leaders, with published phones', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'secretary');
    const community = (await apiData<TreeNode[]>(page, '/territories/tree'))[0]!;
    type Person = { name: string; phone: string | null };
    const servants = await apiData<{
      grids: { id: string; workers: Person[]; branch: { name: string; secretary: Person | null } | null }[];
      buildings: { buildingId: string; leaders: Person[] }[];
    }>(page, `/territories/${community.id}/servants`);
    const map = await apiData<TerritoryMap>(page, `/territories/${community.id}/map`);
    const grid = servants.grids.find((g) => g.workers.length > 0 && g.branch?.secretary)!;
    expect(grid).toBeDefined();
    const located = new Set(map.buildings!.features.filter((b) => b.geometry).map((b) => b.properties.id));
    const building = servants.buildings.find((b) => located.has(b.buildingId) && b.leaders.length > 0)!;
    expect(building).toBeDefined();

    await page.goto('/map');
    const area = page.locator(`[data-testid=map] path.ww-map-a-${grid.id}`);
    await area.waitFor();
    // Clicked off its middle, where its label (and building points) may lie.
    const box = (await area.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + 8);
    const workers = page.getByTestId('map-popup-workers');
    await workers.waitFor();
    for (const worker of grid.workers) {
      expect(await workers.textContent()).toContain([worker.name, worker.phone].filter(Boolean).join(' '));
    }
    expect(await page.getByTestId('map-popup-secretary').textContent()).toContain(
      grid.branch!.secretary!.name,
    );
    // Names and phones: the watermark lies over the map and its popup (the click above went through it).
    const mark = page.getByTestId('watermark');
    expect(await mark.getAttribute('data-text')).toContain('secretary');
    expect(await mark.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    const onTop = await workers.evaluate((popup) => {
      const watermark = document.querySelector<HTMLElement>('[data-testid=watermark]')!;
      const r = popup.getBoundingClientRect();
      watermark.style.pointerEvents = 'auto'; // only to ask what is painted on top
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      watermark.style.pointerEvents = '';
      return top === watermark;
    });
    expect(onTop).toBe(true);

    // A fresh view (the grid's popup panned the map), then the building's point.
    await page.reload();
    await page.locator(`[data-testid=map] path.ww-map-b-${building.buildingId}`).click({ force: true });
    const leaders = page.getByTestId('map-popup-leaders');
    await leaders.waitFor();
    for (const leader of building.leaders) {
      expect(await leaders.textContent()).toContain(leader.name);
      if (leader.phone) {
        expect(await leaders.getByRole('link', { name: leader.phone }).getAttribute('href')).toBe(
          `tel:${leader.phone}`,
        );
      }
    }
    await page.context().close();
  });

  test('on a phone the map fills the screen below the header; the layer switches are in a drawer', async () => {
    const page = await e2e.newPage({ width: 375, height: 812 });
    await signIn(page, 'secretary');
    await page.goto('/map');
    const map = page.getByTestId('map');
    await page.locator('[data-testid=map] path.ww-map-area-grid').first().waitFor();
    const box = (await map.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(0.7 * 812);
    expect(box.y + box.height).toBeLessThanOrEqual(812);
    expect(box.width).toBeGreaterThan(340);
    // The zoom buttons and the scale bar are on screen, not below the fold.
    const zoomIn = (await page.getByRole('button', { name: '放大' }).boundingBox())!;
    expect(zoomIn.y + zoomIn.height).toBeLessThanOrEqual(812);
    const scale = (await page.locator('.leaflet-control-scale').boundingBox())!;
    expect(scale.y + scale.height).toBeLessThanOrEqual(812);

    await page.getByRole('button', { name: '图层与显示' }).click();
    await page.getByRole('switch', { name: '重点人群分布' }).click();
    await page.getByTestId('map-legend').waitFor();
    await page.context().close();
  });

  test('the county administrator sets the base map once: custom tiles, then Tianditu, come from the configured host for every user', async () => {
    const admin = await e2e.newPage();
    await signIn(admin, 'admin');
    // A bad template is refused on the settings page, in Chinese, and nothing changes.
    await admin.goto('/settings');
    const urlCard = admin.getByTestId('setting-territory.baseMapUrl');
    await urlCard.getByRole('textbox').fill('http://tiles.example.gov.cn/{z}/{x}/{y}.png');
    await urlCard.getByRole('button', { name: /保\s*存/ }).click();
    await urlCard.getByText('瓦片地址须以 https:// 开头').first().waitFor();

    await saveSetting(admin, 'territory.baseMapUrl', 'https://{s}.tiles.example.gov.cn/grey/{z}/{x}/{y}.png');
    await saveSetting(admin, 'territory.baseMap', '自定义瓦片地址');
    await admin.context().close();

    const page = await e2e.newPage();
    const foreign = await foreignRequests(page);
    await signIn(page, 'secretary');
    await page.goto('/map');
    const tiles = page.locator('[data-testid=map] img.leaflet-tile-loaded');
    await expect.poll(() => tiles.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(foreign.length).toBeGreaterThan(0);
    for (const url of foreign) {
      expect(url.hostname).toMatch(/^[abc]\.tiles\.example\.gov\.cn$/);
      expect(url.pathname).toMatch(/^\/grey\/\d+\/\d+\/\d+\.png$/);
    }
    expect(await page.getByTestId('map-note').textContent()).not.toContain('底图');
    await page.context().close();

    const key = '0123456789abcdef0123456789abcdef';
    const admin2 = await e2e.newPage();
    await signIn(admin2, 'admin');
    await saveSetting(admin2, 'territory.tiandituKey', key);
    await saveSetting(admin2, 'territory.baseMap', '天地图（矢量底图 + 注记）');
    await admin2.context().close();

    const again = await e2e.newPage();
    const requested = await foreignRequests(again);
    await signIn(again, 'secretary');
    await again.goto('/map');
    await expect
      .poll(() => again.locator('[data-testid=map] img.leaflet-tile-loaded').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const layers = new Set<string>();
    for (const url of requested) {
      expect(url.hostname).toMatch(/^t[0-7]\.tianditu\.gov\.cn$/);
      expect(url.searchParams.get('tk')).toBe(key);
      layers.add(url.pathname);
    }
    expect([...layers].sort()).toEqual(['/cva_w/wmts', '/vec_w/wmts']);
    expect(await again.locator('.leaflet-control-attribution').textContent()).toContain('天地图');
    await again.context().close();
  });
});

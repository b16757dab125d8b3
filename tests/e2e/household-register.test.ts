import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { makeIdCard } from '../../src/server/modules/registry/id-card.ts';
import { apiGet, chooseOption, signIn, usePlatformAndBrowser } from './support.ts';

type Building = { id: string; name: string; unitCount: number };

const e2e = usePlatformAndBrowser();

/**
 * Picks an option of a plain (not searchable) Ant Design Select by its text. As in chooseOption, a click that
 * lands while the just-opened list still re-renders is lost, so it is repeated (reopening the list if it closed)
 * until the select shows the choice.
 */
async function pickOption(page: Page, select: Locator, text: string) {
  const option = page.locator('.ant-select-dropdown:visible').getByTitle(text, { exact: true });
  await expect
    .poll(
      async () => {
        if ((await select.textContent())?.includes(text)) return true;
        if (!(await option.isVisible())) await select.click();
        await option.click({ timeout: 2_000 }).catch(() => undefined);
        return (await select.textContent())?.includes(text) ?? false;
      },
      { timeout: 15_000, interval: 300 },
    )
    .toBe(true);
}

/** The error text under the form field holding `control`. */
function fieldError(page: Page, control: Locator): Locator {
  return page.locator('.ant-form-item', { has: control }).locator('.ant-form-item-explain-error');
}

async function openDrawer(page: Page) {
  await page.goto('/residents');
  await page.getByTestId('household-create-open').click();
  await page.getByTestId('household-create-building').waitFor();
}

/** Building, unit and room in the drawer; the unit is left alone when a one-unit building fills it in. */
async function fillAddress(page: Page, building: Building, unit: number, room: string) {
  await chooseOption(page, page.getByTestId('household-create-building'), building.name);
  if (building.unitCount > 1) {
    await pickOption(page, page.getByTestId('household-create-unit'), `${unit} 单元`);
  }
  await expect.poll(() => page.getByTestId('household-create-unit').textContent()).toContain(`${unit} 单元`);
  await page.getByTestId('household-create-room').fill(room);
}

describe('registering a household', () => {
  for (const [device, viewport, room, sequence] of [
    ['at a desk', { width: 1366, height: 860 }, '2701', 871],
    ['on a phone', { width: 390, height: 844 }, 'B-12', 873],
  ] as const) {
    test(`a community secretary ${device} registers a household, lands on its card and registers its head`, async () => {
      const page = await e2e.newPage(viewport);
      await signIn(page, 'secretary');
      // A building of the secretary's community with more than one unit, from the API as this user.
      const buildings = (await apiGet(page, '/buildings?pageSize=100')).data as Building[];
      const building = buildings.find((b) => b.unitCount > 1) ?? buildings[0]!;
      const unit = building.unitCount;

      await openDrawer(page);
      if (viewport.width < 768) {
        // On a phone the drawer takes the whole width.
        const drawer = page.locator('.ant-drawer-content-wrapper:visible');
        await expect
          .poll(async () => Math.round((await drawer.boundingBox())?.width ?? 0))
          .toBe(viewport.width);
      }
      await fillAddress(page, building, unit, room);
      await page.getByTestId('household-create-kind').getByText('流动').click();
      await pickOption(page, page.getByTestId('household-create-tenure'), '租住');
      await page.getByTestId('household-create-submit').click();

      await page.waitForURL((url) => /^\/households\/[0-9a-f-]{36}$/.test(url.pathname));
      const id = new URL(page.url()).pathname.split('/').pop()!;
      const card = (await apiGet(page, `/households/${id}`)).data;
      expect(card).toMatchObject({
        buildingId: building.id,
        unitNumber: unit,
        room,
        kind: 'floating',
        tenure: 'rented',
        size: 0,
      });
      await expect.poll(() => page.getByTestId('household-address').textContent()).toBe(card.address);
      expect(await page.getByTestId('history-timeline').textContent()).toContain('建档');

      // The existing resident form registers the first member, as head of the household.
      const name = device === 'at a desk' ? '赵新户' : '钱新户';
      await page.getByTestId('household-add-resident').click();
      const form = page.getByTestId('resident-form');
      await page.getByTestId('resident-name').fill(name);
      await page
        .getByTestId('resident-id-card')
        .fill(makeIdCard('370102', new Date(Date.UTC(1979, 4, 4)), sequence));
      await expect.poll(() => page.getByTestId('resident-relation').textContent()).toContain('户主');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /保\s*存/ })
        .click();
      await form.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('household-size').textContent()).toBe('1');
      expect(await page.getByTestId('household-members').textContent()).toContain(name);
      const members = (await apiGet(page, `/households/${id}`)).data.members as { name: string }[];
      expect(members.map((m) => m.name)).toEqual([name]);
      await page.context().close();
    });
  }

  test('a bad room is refused on its field before sending; a room already lived in comes back from the API onto it', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'secretary');
    const taken = (await apiGet(page, '/households?pageSize=1')).data[0] as {
      buildingId: string;
      unitNumber: number;
      room: string;
    };
    const buildings = (await apiGet(page, '/buildings?pageSize=200')).data as Building[];
    const building = buildings.find((b) => b.id === taken.buildingId)!;
    expect(building).toBeDefined();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/households')) {
        posts.push(request.url());
      }
    });

    await openDrawer(page);
    const room = page.getByTestId('household-create-room');
    await page.getByTestId('household-create-submit').click();
    await expect
      .poll(() => fieldError(page, page.getByTestId('household-create-building')).textContent())
      .toBe('请选择楼栋');
    expect(await fieldError(page, room).textContent()).toBe('请填写房号');

    // The client says what the server would say about a room with a space and a '#'.
    const refused = await page.request.post('/api/v1/households', {
      headers: { 'Accept-Language': 'zh-CN' },
      data: { buildingId: building.id, unitNumber: 1, room: '30 2#', kind: 'permanent' },
    });
    expect(refused.status()).toBe(400);
    const serverText = (await refused.json()).error.details.find((d: { field: string }) => d.field === 'room')
      .message as string;
    posts.length = 0;
    await fillAddress(page, building, taken.unitNumber, '30 2#');
    await page.getByTestId('household-create-submit').click();
    await expect.poll(() => fieldError(page, room).textContent()).toBe(serverText);
    expect(posts).toEqual([]);

    // The same room as a household living there: only the server knows, and its answer lands on the room.
    await room.fill(taken.room);
    await page.getByTestId('household-create-submit').click();
    await expect.poll(() => fieldError(page, room).textContent()).toBe('该房号已有在住户');
    expect(posts).toHaveLength(1);
    expect(await page.getByTestId('form-error').textContent()).toContain('该房号已有在住户');
    expect(new URL(page.url()).pathname).toBe('/residents');
    await page.context().close();
  });

  test('a branch secretary, who may only read residents, is not offered the action and the API refuses it', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'branch');
    await page.goto('/residents');
    await page.getByTestId('residents-table').locator('tbody tr.ww-clickable-row').first().waitFor();
    expect(await page.getByTestId('household-create-open').count()).toBe(0);
    await page.goto('/residents?mode=households');
    await page.getByTestId('households-search').waitFor();
    expect(await page.getByTestId('household-create-open').count()).toBe(0);

    const building = (await apiGet(page, '/buildings?pageSize=1')).data[0] as Building;
    const response = await page.request.post('/api/v1/households', {
      data: { buildingId: building.id, unitNumber: 1, room: '9999', kind: 'permanent' },
    });
    expect(response.status()).toBe(403);
    await page.context().close();
  });
});

describe('history addresses', () => {
  test('a move reads “从 A 迁至 B” with both addresses linked when the API sends them, and the short links when not', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'worker');
    const households = (await apiGet(page, '/households?pageSize=20')).data as {
      id: string;
      address: string;
      size: number;
    }[];
    const from = households.find((h) => h.size > 1)!;
    const to = households.find((h) => h.id !== from.id)!;
    const card = (await apiGet(page, `/households/${from.id}`)).data;
    const resident = (card.members as { id: string; relation: string }[]).find((m) => m.relation !== 'head')!;
    const moved = await page.request.post(`/api/v1/residents/${resident.id}/move`, {
      data: { householdId: to.id, relation: 'other' },
    });
    expect(moved.status()).toBe(200);

    // The API's answer with the addresses set, or taken away, whatever this server already sends.
    let addresses = true;
    await page.route(`**/api/v1/residents/${resident.id}`, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      for (const entry of body.data.history) {
        entry.fromAddress = addresses && entry.fromHouseholdId === from.id ? from.address : null;
        entry.toAddress = addresses && entry.toHouseholdId === to.id ? to.address : null;
      }
      await route.fulfill({ response, json: body });
    });

    await page.goto(`/residents?resident=${resident.id}`);
    const line = page.getByTestId('resident-drawer').getByTestId('history-addresses').first();
    await expect.poll(() => line.textContent()).toBe(`从 ${from.address} 迁至 ${to.address}`);
    expect(await line.getByRole('link', { name: from.address }).getAttribute('href')).toBe(
      `/households/${from.id}`,
    );
    expect(await line.getByRole('link', { name: to.address }).getAttribute('href')).toBe(
      `/households/${to.id}`,
    );

    addresses = false;
    await page.reload();
    const timeline = page.getByTestId('resident-drawer').getByTestId('history-timeline');
    await timeline.getByRole('link', { name: '原住户' }).waitFor();
    expect(await timeline.getByRole('link', { name: '迁入住户' }).getAttribute('href')).toBe(
      `/households/${to.id}`,
    );
    expect(await timeline.getByTestId('history-addresses').count()).toBe(0);
    await page.context().close();
  });
});

describe('moving out', () => {
  test('a community secretary moves a resident out from the drawer and a whole household out from its card, with notes', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'secretary');
    const households = (await apiGet(page, '/households?kind=permanent&pageSize=20')).data as {
      id: string;
      address: string;
    }[];
    const [first, second] = [households[0]!, households[1]!];
    const member = (
      (await apiGet(page, `/households/${first.id}`)).data.members as { id: string; name: string }[]
    )[0]!;

    // A resident, from the drawer.
    await page.goto(`/residents?resident=${member.id}`);
    await page.getByTestId('resident-move-out-open').click();
    const residentDialog = page.getByTestId('resident-move-out');
    await residentDialog.locator('textarea').fill('迁往外省');
    await residentDialog.locator('.ant-btn-dangerous').click();
    await page.getByText(`“${member.name}”已迁出`).waitFor();
    const moved = (await apiGet(page, `/residents/${member.id}`)).data;
    expect(moved.movedOutAt).not.toBeNull();
    expect(moved.history[0]).toMatchObject({ event: 'moved_out' });

    // A whole household, from its card.
    await page.goto(`/households/${second.id}`);
    await page.getByRole('button', { name: '整户迁出' }).click();
    const householdDialog = page.getByTestId('household-move-out');
    await householdDialog.getByText(second.address).waitFor();
    await householdDialog.locator('textarea').fill('整户搬离本县');
    await householdDialog.locator('.ant-btn-dangerous').click();
    await page.getByText('已办理整户迁出').waitFor();
    expect((await apiGet(page, `/households/${second.id}`)).data.movedOutAt).not.toBeNull();
    await page.close();
  });
});

import { expect, test } from 'vitest';
import { apiGet, chooseOption, signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();

test('a community secretary nominates a building leader and approves them; the leader signs in on a phone and finds their households; the building’s cards name them', async () => {
  const desk = await e2e.newPage();
  await signIn(desk, 'secretary');
  // A building of the secretary's community without a leader; in a small county every building may have one,
  // and then the first building's term is ended first (as a community does before choosing a new leader).
  const board = (await apiGet(desk, '/coverage')).data as {
    buildingsWithoutLeader: { rows: { id: string; name: string; households: number }[] };
  };
  // Not one with a nomination already waiting: the row to approve must be the one nominated here.
  const waiting = (
    (await apiGet(desk, '/leaders/terms?status=submitted&pageSize=100')).data as { buildingId: string }[]
  ).map((t) => t.buildingId);
  let building: { id: string; name: string } | undefined = board.buildingsWithoutLeader.rows.find(
    (b) => b.households > 0 && !waiting.includes(b.id),
  );
  if (!building) {
    const terms = (await apiGet(desk, '/leaders/terms?active=true&pageSize=1')).data as {
      id: string;
      buildingId: string;
      buildingName: string;
    }[];
    const ended = await desk.request.post(`/api/v1/leaders/terms/${terms[0]!.id}/end`, {
      data: { reason: '任期内迁出，另行推选' },
    });
    expect(ended.status(), await ended.text()).toBe(200);
    building = { id: terms[0]!.buildingId, name: terms[0]!.buildingName };
  }
  const households = (
    (await apiGet(desk, `/buildings/${building.id}/service-cards`)).data as { households: unknown[] }
  ).households.length;

  // Nominate a resident of the building.
  await desk.goto('/leaders');
  await desk.getByTestId('leaders-nominate').click();
  const dialog = desk.getByRole('dialog');
  await chooseOption(desk, dialog.getByTestId('leaders-building'), building.name);
  const residentSelect = dialog.getByTestId('leaders-resident');
  await residentSelect.click();
  const firstResident = desk.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await firstResident.waitFor();
  const residentLabel = (await firstResident.getAttribute('title')) ?? (await firstResident.textContent())!;
  const residentName = residentLabel.split(' · ')[0]!.trim();
  // The first option is the active one: Enter takes it (a click can land while the list is still moving in).
  await desk.keyboard.press('Enter');
  await expect
    .poll(
      async () => {
        if ((await residentSelect.textContent())?.includes(residentName)) return true;
        await firstResident.click({ timeout: 2_000, force: true }).catch(() => undefined);
        return (await residentSelect.textContent())?.includes(residentName) ?? false;
      },
      { timeout: 15_000, interval: 300 },
    )
    .toBe(true);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await desk.getByText('已保存').first().waitFor();
  await dialog.waitFor({ state: 'hidden' });

  // Approve it: the account opened for the leader is shown once. The list is in building order, so the county's
  // many terms put it further on; the nominations waiting for review are few.
  await chooseOption(
    desk,
    desk.locator('.ant-select').filter({ has: desk.getByLabel('状态', { exact: true }) }),
    '待审核',
  );
  const row = desk.locator('tr.ant-table-row', { hasText: residentName }).filter({ hasText: building.name });
  await row.getByRole('button', { name: /批\s*准/ }).click();
  const opened = desk.getByRole('dialog').filter({ hasText: '已为楼栋长开通账号' });
  await opened.waitFor();
  const text = (await opened.textContent()) ?? '';
  const match = /用户名\s*(\S+?)，初始密码\s*(\S+?)（/.exec(text);
  expect(match, text).not.toBeNull();
  const [, username, password] = match!;

  // The leader signs in on a phone, sets a password and sees the households of their building.
  const phone = await e2e.newPage({ width: 390, height: 844 });
  await signIn(phone, username!, password);
  const change = phone.getByRole('dialog').filter({ hasText: '首次登录或密码被重置后' });
  await change.waitFor();
  const inputs = change.locator('input[type=password]');
  await inputs.nth(0).fill(password!);
  await inputs.nth(1).fill('Leader-pass-2026');
  await inputs.nth(2).fill('Leader-pass-2026');
  await change.getByRole('button', { name: /保\s*存/ }).click();
  await change.waitFor({ state: 'hidden' });
  await phone.goto('/m/leader');
  await phone.getByTestId('leader-household').first().waitFor();
  expect(await phone.getByTestId('leader-household').count()).toBeGreaterThan(0);
  expect(await phone.locator('body').textContent()).toContain(building.name);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The building's contact cards now name its leader, one card per household.
  await desk.goto(`/buildings/${building.id}/cards`);
  await desk.getByTestId('service-card').first().waitFor();
  expect(await desk.getByTestId('service-card').count()).toBe(households);
  expect(await desk.getByTestId('service-card').first().textContent()).toContain(residentName);
  await desk.context().close();
  await phone.context().close();
});

test('a community secretary records a building’s WeChat group: name, members and a QR image; a file that is not an image shows on its field', async () => {
  const desk = await e2e.newPage();
  await signIn(desk, 'secretary');
  const terms = (await apiGet(desk, '/leaders/terms?active=true&pageSize=1')).data as {
    buildingId: string;
    buildingName: string;
  }[];
  const term = terms[0]!;
  await desk.goto('/leaders');
  await desk.getByTestId('leaders-chat').first().click();
  const dialog = desk.getByRole('dialog');
  await dialog.getByTestId('chat-form').waitFor();
  const buildingId = (await apiGet(desk, '/leaders/terms?active=true&pageSize=1')).data[0]
    .buildingId as string;
  expect(buildingId).toBe(term.buildingId);

  // A file named .png that is no PNG: the server refuses it on the field.
  await dialog.getByTestId('chat-qr-file').setInputFiles({
    name: 'qr.png',
    mimeType: 'image/png',
    buffer: Buffer.from('not an image at all'),
  });
  await dialog.getByTestId('chat-name').fill('测试楼栋居民群');
  await dialog.getByTestId('chat-members').fill('37');
  await dialog.getByTestId('chat-save').click();
  await expect
    .poll(async () => (await dialog.locator('.ant-form-item-explain-error').allTextContents()).join(' '))
    .toMatch(/二维码须为.*PNG 或 JPEG 图片/);

  // A real PNG (1×1): saved, and shown when the group is opened again.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  await dialog
    .getByTestId('chat-qr-file')
    .setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: png });
  await dialog.getByTestId('chat-qr-preview').waitFor();
  await dialog.getByTestId('chat-save').click();
  await dialog.waitFor({ state: 'detached' });
  const saved = (await apiGet(desk, `/leaders/buildings/${term.buildingId}`)).data as {
    chat: { name: string; memberCount: number; qrImage: string | null };
  };
  expect(saved.chat).toMatchObject({ name: '测试楼栋居民群', memberCount: 37 });
  expect(saved.chat.qrImage).toMatch(/^data:image\/png;base64,/);
  await desk.getByTestId('leaders-chat').first().click();
  await desk.getByRole('dialog').getByTestId('chat-qr-preview').waitFor();
  expect(await desk.getByRole('dialog').getByTestId('chat-name').inputValue()).toBe('测试楼栋居民群');
  await desk.context().close();
});

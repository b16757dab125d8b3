import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { makeIdCard } from '../../src/server/modules/registry/id-card.ts';
import { importColumns } from '../../src/server/modules/registry/registry-import.schemas.ts';
import { apiGet, signIn, usePlatformAndBrowser } from './support.ts';

type TreeNode = { id: string; level: string; code: string; name: string; children: TreeNode[] };

const e2e = usePlatformAndBrowser();

function firstOfLevel(nodes: TreeNode[], level: string): TreeNode | undefined {
  for (const node of nodes) {
    if (node.level === level) return node;
    const found = firstOfLevel(node.children, level);
    if (found) return found;
  }
  return undefined;
}

/** Every cell's text in a downloaded workbook, for checking what it holds. */
async function sheetTexts(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.text)))),
  );
  return texts;
}

/** Page objects of a PDF: Chromium writes one `/Type /Page` dictionary per page. */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

describe('residents and household card', () => {
  test('a county-wide list counts every resident, sorts by a column header, shows the grid, and reaches deep pages', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'admin');
    const api = await apiGet(page, '/residents?pageSize=20');
    const total = (api.page as { total: number }).total;
    expect(total).toBeGreaterThan(1000);
    expect(api.page).not.toHaveProperty('totalCapped');
    await page.goto('/residents');
    await page
      .locator('.ant-pagination')
      .getByText(`共 ${total.toLocaleString('en-US')} 条`)
      .waitFor();
    const table = page.getByTestId('residents-table');
    await table.locator('thead th', { hasText: '所属网格' }).first().waitFor();
    // Sorting by age (youngest first) from the header, kept in the URL.
    await table.locator('thead th', { hasText: '年龄' }).first().click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'age');
    // A page far past the 50th.
    const deep = Math.ceil(total / 20) - 1;
    await page.goto(`/residents?page=${deep}`);
    await expect
      .poll(async () => table.locator('tbody tr.ww-clickable-row').count(), { timeout: 15_000 })
      .toBe(20);
    await page.close();
  });

  for (const [device, viewport] of [
    ['at a desk', { width: 1366, height: 860 }],
    ['on a phone', { width: 390, height: 844 }],
  ] as const) {
    test(`a community worker ${device} finds a resident by the start of the name and opens the household card`, async () => {
      const page = await e2e.newPage(viewport);
      await signIn(page, 'worker');

      // Someone the worker may see, with a household, from the API as this user.
      const residents = (await apiGet(page, '/residents?pageSize=50')).data as {
        id: string;
        name: string;
        householdId: string | null;
        address: string | null;
        idCard: string | null;
      }[];
      const resident = residents.find((r) => r.householdId && r.name.length >= 2)!;
      expect(resident).toBeDefined();
      const prefix = resident.name.slice(0, 2);

      await page.goto('/residents');
      await page.getByTestId('residents-search').locator('input').fill(prefix);
      await page.getByTestId('residents-search').locator('input').press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === prefix);

      // Every row shown starts with the prefix; the resident is among them.
      const rows =
        viewport.width < 768
          ? page.getByTestId('residents-cards').getByTestId('resident-row')
          : page.getByTestId('residents-table').locator('tbody tr.ww-clickable-row');
      await expect
        .poll(async () => (await rows.allTextContents()).some((t) => t.includes(resident.name)))
        .toBe(true);
      const row = rows.filter({ hasText: resident.idCard ?? resident.name }).first();
      // The ID card shows masked: never the whole number.
      expect(await row.textContent()).toMatch(/\*{4,}/);

      if (viewport.width >= 768) {
        // The export holds the same search, masked unless the box for full numbers is ticked.
        await page.getByTestId('residents-export-open').click();
        await page.getByTestId('residents-export-reveal').waitFor();
        // Made in the background: the dialog shows its progress, then offers the download.
        await page.getByTestId('residents-export').locator('.ant-btn-primary').click();
        await page.getByTestId('residents-export-progress').waitFor();
        await page
          .getByTestId('residents-export')
          .locator('.ant-btn-primary:not([disabled])', { hasText: /下\s*载/ })
          .waitFor({ timeout: 30_000 });
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('residents-export').locator('.ant-btn-primary').click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
        const names = await sheetTexts(await download.path());
        expect(names).toContain(resident.name);
        expect(names).toContain(resident.idCard!);
      }

      await row.click();

      const drawer = page.getByTestId('resident-drawer');
      await expect.poll(() => drawer.getByTestId('resident-drawer-name').textContent()).toBe(resident.name);
      expect(await drawer.getByTestId('resident-details').textContent()).toContain(resident.address!);
      // An age, not the birth date (the masking rule); the audited reveal shows the birth date too.
      const birth = drawer.getByTestId('resident-birth-value');
      expect(await birth.textContent()).toMatch(/^\d+ 岁$/);
      await drawer.getByTestId('resident-reveal').click();
      await expect.poll(() => birth.textContent()).toMatch(/^\d{4}-\d{2}-\d{2}（\d+ 岁）$/);
      if (viewport.width >= 768) {
        // The edit form gets no birth date: the field starts empty, and saving keeps the stored one.
        await drawer.getByTestId('resident-edit').click();
        const form = page.getByTestId('resident-form');
        await page.getByTestId('resident-name').waitFor();
        const picker = page.getByTestId('resident-birth-date');
        const input =
          (await picker.evaluate((e) => e.tagName)) === 'INPUT' ? picker : picker.locator('input');
        expect(await input.inputValue()).toBe('');
        expect(await input.getAttribute('placeholder')).toMatch(/\d+ 岁/);
        await page
          .locator('.ant-modal')
          .getByRole('button', { name: /保\s*存/ })
          .click();
        await form.waitFor({ state: 'hidden' });
      }

      await drawer.getByTestId('resident-open-household').click();
      await page.waitForURL((url) => url.pathname === `/households/${resident.householdId}`);
      await expect.poll(() => page.getByTestId('household-address').textContent()).toBe(resident.address);
      const card = (await apiGet(page, `/households/${resident.householdId}`)).data;
      const members = page.getByTestId('household-members');
      for (const member of card.members as { name: string }[]) {
        expect(await members.textContent()).toContain(member.name);
      }
      expect(await page.getByTestId('household-size').textContent()).toBe(String(card.size));
      await page.context().close();
    });
  }
});

describe('grid fact sheet', () => {
  test('shows the grid’s numbers from the API and prints on one A4 page', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'worker');
    const tree = (await apiGet(page, '/territories/tree')).data as TreeNode[];
    const grid = firstOfLevel(tree, 'grid')!;
    const sheet = (await apiGet(page, `/territories/${grid.id}/fact-sheet`)).data;
    expect(sheet.residents.total).toBeGreaterThan(0);

    await page.goto(`/territories/${grid.id}/fact-sheet`);
    await expect.poll(() => page.getByTestId('fact-sheet-title').textContent()).toContain(grid.name);
    const stat = async (key: string) =>
      (await page.getByTestId(`fact-sheet-stat-${key}`).locator('.ww-fs-stat-value').textContent())?.replace(
        /,/g,
        '',
      );
    expect(await stat('households')).toBe(String(sheet.households.total));
    expect(await stat('residents')).toBe(String(sheet.residents.total));
    expect(await stat('vacant')).toBe(String(sheet.households.vacant));
    expect(await stat('partyMembers')).toBe(String(sheet.residents.partyMembers));
    expect(await stat('keyPopulation')).toBe(String(sheet.keyPopulation.total));
    const buildings = page.getByTestId('fact-sheet-buildings');
    for (const b of sheet.buildings as { name: string }[]) {
      expect(await buildings.textContent()).toContain(b.name);
    }
    await page.getByTestId('age-pyramid').locator('svg').waitFor();
    // Many buildings (the first grid's village houses) are summed by compound on paper, and still fit one page.
    const compounds = new Set(
      (sheet.buildings as { compound: string | null }[]).map((b) => b.compound ?? '—'),
    );
    expect(await page.getByTestId('fact-sheet-compounds').count()).toBe(sheet.buildings.length > 20 ? 1 : 0);
    if (sheet.buildings.length > 20) {
      await page.emulateMedia({ media: 'print' });
      const rows = page.getByTestId('fact-sheet-compounds').locator('tbody tr.ant-table-row');
      expect(await rows.count()).toBe(compounds.size);
      expect(await page.getByTestId('fact-sheet-buildings').isVisible()).toBe(false);
      // Back to no emulation (an emulated 'screen' would also be what the PDF below is printed with).
      await page.emulateMedia({ media: null });
    }

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdfPages(pdf)).toBe(1);
    await page.context().close();
  });
});

describe('county overview', () => {
  test('shows the county’s figures from the API, drills down into a street and back up by the breadcrumb', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'admin');
    const county = (await apiGet(page, '/insights/overview')).data;
    const figure = (key: string) =>
      page.getByTestId(`dashboard-figure-${key}`).locator('.ant-statistic-content').textContent();
    await expect
      .poll(() => page.getByTestId('dashboard-title').textContent())
      .toContain(county.territory.name);
    for (const key of ['streets', 'grids', 'households', 'residents', 'keyPopulation']) {
      expect((await figure(key))?.replace(/,/g, '')).toBe(String(county.figures[key]));
    }
    // 基层治理成效: the rounds' figures of the county, and the trend chart drawn.
    const figures = await apiGet(page, '/insights/figures');
    const work = (key: string) =>
      page.getByTestId(`work-${key}`).locator('.ant-statistic-content').textContent();
    await page.getByTestId('work-doorKnockRounds').locator('.ant-statistic-content').waitFor();
    expect((await work('doorKnockRounds'))?.replace(/,/g, '')).toBe(String(figures.doorKnockRounds));
    expect(await work('lastRoundCoverage')).toBe(`${figures.lastRoundCoverage.toFixed(1)}%`);
    await page.getByTestId('work-trend').locator('svg').waitFor();
    await page.getByTestId('work-results').getByText('逐年').click();
    await expect.poll(() => page.getByTestId('work-trend').textContent()).toContain('2022');
    expect(await page.getByTestId('work-trend').textContent()).toContain('敲门 1 轮');

    const street = county.children[0];
    await page.getByTestId('dashboard-children').getByText(street.name, { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('area') === street.id);
    await expect.poll(() => page.getByTestId('dashboard-title').textContent()).toContain(street.name);
    expect((await figure('residents'))?.replace(/,/g, '')).toBe(String(street.residents));

    await page.getByTestId('dashboard-breadcrumb').getByText(county.territory.name).click();
    await expect
      .poll(() => page.getByTestId('dashboard-title').textContent())
      .toContain(county.territory.name);
    await page.context().close();
  });
});

describe('map', () => {
  test('draws a street’s grids as SVG polygons; clicking one opens a popup whose link leads to its fact sheet', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'street');
    const tree = (await apiGet(page, '/territories/tree')).data as TreeNode[];
    const street = firstOfLevel(tree, 'street')!;
    const grids = street.children.flatMap((c) => c.children);
    expect(grids.length).toBeGreaterThan(0);

    await page.goto(`/map?node=${street.id}&grids=1`);
    const polygons = page.locator('[data-testid=map] path.ww-map-area-grid');
    await expect.poll(() => polygons.count(), { timeout: 20_000 }).toBe(grids.length);
    expect(await page.locator('[data-testid=map] path.ww-map-outline').count()).toBe(1);

    // Low in the polygon, so the popup opening above it needs no panning; then wait until it stands still.
    const box = (await polygons.first().boundingBox())!;
    await polygons.first().click({ position: { x: box.width / 2, y: box.height * 0.8 } });
    const popup = page.getByTestId('map-popup');
    await popup.waitFor();
    let last = '';
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await popup.boundingBox());
          const still = now === last;
          last = now;
          return still;
        },
        { interval: 200 },
      )
      .toBe(true);
    const name = await popup.locator('.ww-map-popup-title').textContent();
    const grid = grids.find((g) => name?.startsWith(g.name))!;
    expect(grid).toBeDefined();
    await popup.getByTestId('map-popup-fact-sheet').click();
    await page.waitForURL((url) => url.pathname === `/territories/${grid.id}/fact-sheet`);
    await expect.poll(() => page.getByTestId('fact-sheet-title').textContent()).toContain(grid.name);
    await page.context().close();
  });
});

describe('Excel import', () => {
  test('an uploaded sheet with one bad row shows it in the report, and importing the valid rows adds them', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'worker');
    const building = (await apiGet(page, '/buildings?pageSize=1')).data[0] as { code: string };

    const headers = importColumns.map((c) => c.header);
    const row = (values: Record<string, string | number>) => headers.map((h) => values[h] ?? null);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('居民信息');
    sheet.addRow(headers);
    const born = new Date('1975-04-09T00:00:00Z');
    const good = [
      {
        楼栋编码: building.code,
        单元: 1,
        房号: 'E2E1',
        姓名: '导入甲',
        身份证号: makeIdCard('110105', born, 11),
        与户主关系: '户主',
      },
      {
        楼栋编码: building.code,
        单元: 1,
        房号: 'E2E1',
        姓名: '导入乙',
        身份证号: makeIdCard('110105', born, 12),
        与户主关系: '配偶',
      },
    ];
    const valid = makeIdCard('110105', born, 13);
    const wrongCheck = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    const bad = {
      楼栋编码: building.code,
      单元: 1,
      房号: 'E2E1',
      姓名: '导入丙',
      身份证号: wrongCheck,
      与户主关系: '子女',
    };
    for (const values of [good[0]!, bad, good[1]!]) sheet.addRow(row(values));
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    await page.goto('/import');
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles({
      name: 'e2e-import.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    const errors = page.getByTestId('import-errors');
    await errors.waitFor({ timeout: 30_000 });
    // The header is row 1, so the bad third line of data is row 3 of the sheet.
    const errorRow = errors.locator('tbody tr').filter({ hasText: '身份证号' }).first();
    expect(await errorRow.locator('td').first().textContent()).toBe('3');
    expect(await page.getByTestId('import-valid-rows').textContent()).toContain('2');
    expect(await page.getByTestId('import-error-rows').textContent()).toContain('1');
    expect(await page.getByTestId('import-commit-all').isDisabled()).toBe(true);
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-report').click(),
    ]);
    const reported = await sheetTexts(await report.path());
    expect(reported).toContain('导入丙');
    expect(reported).not.toContain('导入甲');

    await page.getByTestId('import-commit-valid').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    // The dialog closes once the commit was accepted; the job then writes the rows (polled every second).
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden', timeout: 30_000 });
    const done = page.getByTestId('import-committed');
    await done.waitFor({ timeout: 60_000 });
    expect(await page.locator('.ant-result-subtitle').textContent()).toContain('新增居民 2 人');

    const found = (await apiGet(page, `/residents?q=${encodeURIComponent('导入')}`)).data as {
      name: string;
    }[];
    expect(found.map((r) => r.name).sort()).toEqual(['导入乙', '导入甲']);
    await page.context().close();
  });
});

import { describe, expect, test } from 'vitest';
import { apiGet, signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();

type Org = { id: string; kind: string; name: string; counts: { members: number } };

describe('the party organisation', () => {
  test('a community secretary sees the tree of their community, opens a branch with its members, and the review queue', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'secretary');
    const tree = (await apiGet(page, '/territories/tree')).data as { id: string }[];
    const community = tree[0]!.id;
    const orgs = (await apiGet(page, `/party/orgs?territoryId=${community}`)).data as Org[];
    const branch = orgs.find((o) => o.kind === 'branch' && o.counts.members > 0)!;

    await page.goto(`/party?community=${community}`);
    const treeView = page.getByTestId('party-tree');
    await treeView.getByText(branch.name, { exact: false }).first().click();
    await page.getByTestId('party-org').waitFor();
    expect(await page.getByTestId('party-org').textContent()).toContain(branch.name);
    await expect
      .poll(async () => page.getByTestId('party-members').locator('tbody tr.ant-table-row').count())
      .toBeGreaterThan(0);

    await page.goto('/party/registrations');
    await page.getByTestId('party-registrations').waitFor();
    await page.context().close();
  });
});

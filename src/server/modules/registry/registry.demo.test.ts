import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../core/demo/random.ts';
import { DEMO_COUNTY, generateTerritory } from '../territory/territory.public.ts';
import { prepareRegistryWorker, takeRegistryWorker } from './registry.demo-prepare.ts';
import { batchesOf, registryBatches, type RegistryBatch } from './registry.demo.ts';

const options = { seed: 7, scale: 0.05, password: 'unused' };
const keys = { encryption: randomBytes(32), blindIndex: randomBytes(32) };

/** A batch without what differs on every run: new ids (and the columns naming them) and ciphertexts (random IVs). */
function drawn(batch: RegistryBatch) {
  const { id: _b, ...buildings } = batch.data.buildings;
  const { id: _u, buildingId: _ub, ...units } = batch.data.units;
  const { id: _h, buildingId: _hb, unitId: _hu, ...households } = batch.data.households;
  const {
    id: _r,
    householdId: _rh,
    buildingId: _rb,
    idCardEnc,
    phoneEnc,
    ...residents
  } = batch.data.residents;
  const { residentId: _t, ...tags } = batch.data.tags;
  const { id: _l, ...layout } = batch.data.layout;
  const sealed = { idCard: idCardEnc.map((v) => v !== null), phone: phoneEnc.map((v) => v !== null) };
  return {
    buildings,
    units,
    households,
    residents,
    sealed,
    tags,
    layout,
    grids: [batch.grids, batch.gridsDone],
  };
}

describe('the demo registry made in a worker thread', () => {
  it('is the registry the seed would make itself, batch by batch, and leaves the random stream where it would', async () => {
    const county = generateTerritory({ ...DEMO_COUNTY, seed: options.seed, scale: options.scale });
    const here = createRandom(11);
    here.next();
    const expected = [...registryBatches(here, county, keys, 6)];
    expect(expected.length).toBeGreaterThan(1);

    await prepareRegistryWorker(options);
    const there = createRandom(11);
    there.next();
    const made: RegistryBatch[] = [];
    for await (const batch of batchesOf({ random: there, keys, options }, county)) made.push(batch);
    // The worker was handed over (and is gone): these batches came from it.
    expect(takeRegistryWorker(options)).toBeUndefined();
    expect(made.map(drawn)).toEqual(expected.map(drawn));
    expect(there.position()).toBe(here.position());
    expect(made.flatMap((b) => b.data.residents.name).length).toBeGreaterThan(1000);
  });
});

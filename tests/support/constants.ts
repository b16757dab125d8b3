/** A fixed data key for tests, so the template database's encrypted fields decrypt in every test file. */
export const TEST_DATA_KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';
export const TEST_PASSWORD = 'wuwei-demo';
/** The small demo county every test starts from: 2 streets, 6 communities, 13 grids. */
export const TEST_DEMO = { seed: 7, scale: 0.05, password: TEST_PASSWORD };

/**
 * Every web feature: the `defineFeature` manifest of each folder under src/web/features/, one line each. The
 * router, the side menu and the texts of both languages are assembled from these (assemble.ts), so adding a web
 * feature is its folder and one line here. The export names are only labels; order does not matter (the menu
 * is sorted by each entry's `order`).
 */
export { default as accounts } from '../features/accounts/manifest.ts';
export { default as audit } from '../features/audit/manifest.ts';
export { default as contacts } from '../features/contacts/manifest.ts';
export { default as auth } from '../features/auth/manifest.ts';
export { default as factSheet } from '../features/fact-sheet/manifest.ts';
export { default as leaders } from '../features/leaders/manifest.ts';
export { default as gridWorkers } from '../features/grid-workers/manifest.ts';
export { default as map } from '../features/map/manifest.ts';
export { default as organisation } from '../features/organisation/manifest.ts';
export { default as party } from '../features/party/manifest.ts';
export { default as overview } from '../features/overview/manifest.ts';
export { default as registry } from '../features/registry/manifest.ts';
export { default as registryImport } from '../features/registry-import/manifest.ts';
export { default as settings } from '../features/settings/manifest.ts';
export { default as territory } from '../features/territory/manifest.ts';
export { default as volunteers } from '../features/volunteers/manifest.ts';
export { default as rounds } from '../features/rounds/manifest.ts';
export { default as workbench } from '../features/workbench/manifest.ts';
export { default as visitLogs } from '../features/visit-logs/manifest.ts';
export { default as duties } from '../features/duties/manifest.ts';
export { default as planner } from '../features/planner/manifest.ts';

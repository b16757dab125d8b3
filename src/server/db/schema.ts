// Every module's tables, gathered for the Drizzle client and drizzle-kit. Add a module's tables file here.
export * from './versions.tables.ts';
export * from '../auth/auth.tables.ts';
export * from '../modules/territory/territory.tables.ts';
export * from '../modules/territory/registry.tables.ts';
export * from '../modules/territory/registry-import.tables.ts';
export * from '../jobs/jobs.tables.ts';

import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every module's tables: src/server/core/**/*.tables.ts and src/server/modules/<name>/*.tables.ts.
  schema: './src/server/**/*.tables.ts',
  out: './migrations',
});

import { defineConfig } from 'drizzle-kit';

// The central server's PostgreSQL schema (src-server/); the desktop's SQLite one is drizzle.config.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src-server/db/schema.ts',
  out: './src-server/db/migrations',
});

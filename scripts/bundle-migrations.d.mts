import type { Migration } from '../src-main/db/migrate';
export function readMigrations(): Migration[];
export function renderModule(migrations: Migration[]): string;

export * from './facility';
export * from './users';
export * from './audit';

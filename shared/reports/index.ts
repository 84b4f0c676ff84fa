// Report tallies: pure functions over plain fact records (whatever tables hold them).
export * from './month';
export * from './table';
export * from './cmam';
export * from './cmam-indicators';
export * from './anc';
export * from './visits';
export * from './programmes';
export * from './csv';
export * from './snapshot';
export * from './trend-chart';

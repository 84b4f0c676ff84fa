/** A benchmark module exports `bench`, returning named figures (numbers in ms unless the name says otherwise). */
export type BenchFigures = Record<string, number | string | boolean>;
export type Bench = () => Promise<BenchFigures>;

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from '../../shared/ids';
import { exportFull } from '../../src-main/modules/exchange/export.service';
import { quietJob } from '../../src-main/modules/exchange/jobs';
import { setUpFacility, tempCore } from '../support/core';
import { seedPatients } from './patients-population';
import { round } from './stats';
import type { Bench } from './types';

/**
 * Full caredesk-export/1 export of 200,000 patients and 1,000,000 visits in a real encrypted database (target
 * < 60 s and < 300 MB peak RSS of the process), beside the bare operation: reading every row of the same tables
 * once. EXCHANGE_BENCH_PATIENTS scales it down for a quick look (visits are 5 per patient).
 */
export const bench: Bench = async () => {
  const patients = Number(process.env.EXCHANGE_BENCH_PATIENTS ?? 200_000);
  const core = tempCore();
  try {
    await setUpFacility(core, 'admin');
    const { sqlite } = core.state.database!;
    const userId = (sqlite.prepare('SELECT id FROM users LIMIT 1').get() as { id: string }).id;
    const ids = seedPatients(sqlite, patients, 'KSD-01', userId).map((p) => p.id);
    const visit = sqlite.prepare(
      `INSERT INTO visits (id, patient_id, visit_date, type, weight_kg, muac_mm, oedema, complaints, diagnoses,
         treatment, medicines, notes, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, 'consultation', ?, ?, 'none', 'fever', '[]', '', '[]', '', ?, ?, ?, ?)`,
    );
    const at = '2025-06-01T08:00:00.000Z';
    sqlite.transaction(() => {
      let n = 0;
      for (const id of ids) {
        for (let k = 0; k < 5; k++) {
          visit.run(
            uuidv7(Date.parse(at) + n++),
            id,
            `2025-0${1 + k}-1${k}`,
            8 + k,
            120 + k,
            at,
            userId,
            at,
            userId,
          );
        }
      }
    })();
    ids.length = 0;
    global.gc?.();

    const bareStart = performance.now();
    let bare = 0;
    for (const t of ['patients', 'visits']) {
      for (const row of sqlite.prepare(`SELECT * FROM ${t}`).iterate()) if (row) bare++;
    }
    const bareMs = performance.now() - bareStart;

    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 50);
    const file = join(core.dataDir, 'bench.cdx');
    const start = performance.now();
    const result = await exportFull(sqlite, file, quietJob, new Date(), 'bench');
    const exportMs = performance.now() - start;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return {
      patients,
      visits: result.counts.visits ?? 0,
      exportSeconds: round(exportMs / 1000),
      exportTargetSeconds: 60,
      bareReadAllRowsSeconds: round(bareMs / 1000),
      bareRows: bare,
      peakRssMiB: round(peakRss / 2 ** 20),
      rssBeforeExportMiB: round(baseRss / 2 ** 20),
      peakHeapUsedMiB: round(peakHeap / 2 ** 20),
      peakRssTargetMiB: 300,
      fileMiB: round(statSync(file).size / 2 ** 20),
    };
  } finally {
    core.dispose();
  }
};

// Issue 22 targets: attaching a 5 MB phone photo (p95, through the core: type check, downscale to 2000 px,
// EXIF removal, preview, one transaction) and opening a chart with 20 documents (p95: chart + document list,
// which carry previews only, never the files). The bare operations are measured beside them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/core';
import { silentLogger } from '../../src-main/core/log';
import { prepareFile } from '../../src-main/modules/documents/documents.files';
import { insertUser } from '../../src-main/modules/users/users.service';
import { FLOOR_KDF } from '../../src-main/security/kdf';
import type { ChannelName, InputOf } from '../../shared/contract';
import { uuidv7 } from '../../shared/ids';
import { photo, withGpsExif } from '../integration/documents/files';
import { percentile, round } from './stats';
import type { Bench } from './types';

const ATTACH_RUNS = Number(process.env.BENCH_DOCUMENT_RUNS ?? 12);
const CHART_RUNS = 60;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export const bench: Bench = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-bench-documents-'));
  const core = createCore({ dataDir, logger: silentLogger, kdf: FLOOR_KDF });
  try {
    const init = await core.call('b', 'setup.initialize', {
      facility: { name: 'Bench HC', code: 'BEN-01', district: '', country: '' },
      admin: { username: 'bench', fullName: 'Bench', password: 'bench password 123' },
    });
    if (!init.ok) throw new Error(init.message);
    const userId = uuidv7();
    insertUser(
      core.state.database!.db,
      { id: userId, username: 'nurse', fullName: 'Nurse', role: 'clinician' },
      null,
      new Date().toISOString(),
    );
    core.state.sessions.start('nurse', {
      userId,
      username: 'nurse',
      fullName: 'Nurse',
      role: 'clinician',
      mustChangePassword: false,
      hasPin: false,
    });
    const call = <C extends ChannelName>(channel: C, input: InputOf<C>) => core.call('nurse', channel, input);
    const registered = await call('patients.register', {
      givenName: 'Mariama',
      familyName: 'Condé',
      sex: 'female',
      birthDate: '1995-04-02',
    });
    if (!registered.ok) throw new Error(registered.message);
    const patientId = registered.value.id;

    // A 4000×3000 phone photo with GPS EXIF, about 5 MB (noise keeps JPEG from compressing it away).
    const original = withGpsExif(await photo(4000, 3000, 77));
    const content = original.toString('base64');
    const attach = () =>
      call('documents.attach', {
        patientId,
        title: 'Lab slip photo',
        category: 'lab-result',
        documentDate: '2026-01-05',
        content,
      }).then((r) => {
        if (!r.ok) throw new Error(r.message);
      });

    await attach(); // warm-up (sharp's first call loads libvips)
    const attachMs: number[] = [];
    for (let i = 0; i < ATTACH_RUNS; i++) attachMs.push(await timed(attach));
    const bareMs: number[] = [];
    for (let i = 0; i < ATTACH_RUNS; i++) bareMs.push(await timed(() => prepareFile(original, 10)));

    // Top up to 20 documents, then open the chart as the screen does (chart + document list).
    const have = 1 + ATTACH_RUNS;
    for (let i = have; i < 20; i++) await attach();
    const { sqlite } = core.state.database!;
    const count = (
      sqlite.prepare('SELECT count(*) AS n FROM documents WHERE patient_id = ?').get(patientId) as {
        n: number;
      }
    ).n;
    let listBytes = 0;
    const openChart = async () => {
      const [chart, list] = await Promise.all([
        call('patients.chart', { id: patientId }),
        call('documents.list', { patientId }),
      ]);
      if (!chart.ok || !list.ok) throw new Error('chart failed');
      listBytes = JSON.stringify(list.value).length;
    };
    await openChart();
    const chartMs: number[] = [];
    for (let i = 0; i < CHART_RUNS; i++) chartMs.push(await timed(openChart));
    const rawList = sqlite.prepare(
      `SELECT d.*, t.bytes AS thumb FROM documents d LEFT JOIN document_thumbnails t ON t.document_id = d.id
       WHERE d.patient_id = ? ORDER BY d.document_date DESC`,
    );
    const rawMs: number[] = [];
    for (let i = 0; i < CHART_RUNS; i++) rawMs.push(await timed(async () => rawList.all(patientId)));

    return {
      photoBytes: original.length,
      attachPhoto5MbP95Ms: round(percentile(attachMs, 95)),
      attachPhoto5MbMedianMs: round(percentile(attachMs, 50)),
      bareImagePipelineP95Ms: round(percentile(bareMs, 95)),
      chartDocuments: count,
      openChart20DocumentsP95Ms: round(percentile(chartMs, 95)),
      bareDocumentListSqlP95Ms: round(percentile(rawMs, 95)),
      documentListPayloadBytes: listBytes,
      target:
        'attach p95 < 3000 ms on a clinic PC; chart with 20 documents p95 < 100 ms, list payload < 1 MB',
    };
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's import rules (DESIGN.md §2) are enforced by ESLint; this proves each rule bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('keeps Node and Electron out of shared/', async () => {
    expect(
      await restrictedImportErrors(
        'shared/clinical/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImportErrors('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImportErrors('shared/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n"),
    ).toHaveLength(0);
  });

  it('keeps the renderer away from src-main and Node', async () => {
    expect(
      await restrictedImportErrors(
        'src-renderer/x.ts',
        "import { createCore } from '../src-main/core/core';\nexport const c = createCore;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImportErrors(
        'src-renderer/x.ts',
        "import path from 'node:path';\nexport const p = path;\n",
      ),
    ).toHaveLength(1);
  });

  it('keeps Electron out of the core and modules', async () => {
    expect(
      await restrictedImportErrors(
        'src-main/modules/patients/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImportErrors(
        'src-main/core/x.ts',
        "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n",
      ),
    ).toHaveLength(1);
  });
});

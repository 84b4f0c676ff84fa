import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Renderer build. Default mode: the Electron renderer (`out/renderer`, bridge = the preload's window.caredesk).
 * `--mode web`: the same UI for the browser test host (`out/renderer-web`), with the loopback HTTP bridge
 * compiled in; in the Electron build `__CAREDESK_WEB__` is false and that code is dropped.
 * Production builds never use eval-based source maps (the CSP has no 'unsafe-eval').
 */
export default defineConfig(({ mode }) => {
  const web = mode === 'web';
  return {
    root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
    base: './',
    publicDir: false,
    plugins: [react()],
    define: { __CAREDESK_WEB__: JSON.stringify(web) },
    build: {
      outDir: fileURLToPath(new URL(web ? './out/renderer-web' : './out/renderer', import.meta.url)),
      emptyOutDir: true,
      // Separate .map files for the development/test build only; none shipped in the app.
      sourcemap: web,
      chunkSizeWarningLimit: 1500,
    },
  };
});

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { getBridge } from './api/bridge';
import { App } from './app/App';
import { Providers } from './app/Providers';

// zod would probe `new Function` for its fast path; the CSP forbids eval, so say so up front.
z.config({ jitless: true });

// Pick the transport first: the web bridge takes its token out of the URL before the router reads the hash.
try {
  getBridge();
} catch {
  // App shows "cannot reach" through the first failed call.
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);

// Minimal server-rendered HTML for the district view (no script: CSP default-src 'none' except styles).
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function table(headers: string[], rows: string[][], trustedCells = false): string {
  const cell = (c: string) => (trustedCells ? c : esc(c));
  return `<table><thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function page(title: string, user: string | null, body: string): string {
  const nav = user
    ? `<nav><a href="/district">Facilities</a> · <a href="/district/reports">Monthly reports</a>
       <form method="post" action="/district/sign-out"><span>${esc(user)}</span> <button>Sign out</button></form></nav>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} · CareDesk district</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:80rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}td{font-variant-numeric:tabular-nums}
nav{display:flex;gap:1rem;align-items:center;margin-bottom:1rem}nav form{margin-left:auto}label{display:block;margin:.5rem 0}
.error{color:#b00020}</style></head><body>${nav}<h1>${esc(title)}</h1>${body}</body></html>`;
}

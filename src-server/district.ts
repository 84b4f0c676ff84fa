// The district view: server-rendered pages behind an argon2id sign-in. Facilities with their last push,
// records held and pending errors; frozen monthly reports across facilities, one table per month and report.
import { randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDb } from './db/open';
import { districtUsers, facilities, records } from './db/schema';
import { listFacilities, ServerError, sha256 } from './facilities';
import { page, esc, table } from './html';

export const DISTRICT_ROLES = ['district-admin', 'viewer'] as const;

export async function addDistrictUser(
  db: ServerDb,
  input: { username: string; fullName: string; password: string; role: (typeof DISTRICT_ROLES)[number] },
): Promise<void> {
  if (!/^[a-z0-9._-]{2,40}$/.test(input.username))
    throw new ServerError(
      400,
      'VALIDATION',
      '--username must be 2-40 lower-case letters, digits, ".", "_" or "-"',
    );
  if (input.password.length < 12)
    throw new ServerError(400, 'VALIDATION', 'the password must be at least 12 characters');
  const passwordHash = await hash(input.password, { algorithm: 2, memoryCost: 19_456, timeCost: 2 });
  await db.insert(districtUsers).values({
    id: randomUUID(),
    username: input.username,
    fullName: input.fullName,
    passwordHash,
    roles: [input.role],
  });
}

interface Session {
  username: string;
  fullName: string;
  expires: number;
}

const COOKIE = 'caredesk_district';
const SESSION_MS = 8 * 60 * 60 * 1000;

function cookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie ?? '';
  return header
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === COOKIE)?.[1];
}

export function registerDistrict(app: FastifyInstance, db: ServerDb): void {
  const sessions = new Map<string, Session>();
  const signedIn = (request: FastifyRequest): Session | null => {
    const token = cookieOf(request);
    const s = token ? sessions.get(sha256(token)) : undefined;
    if (!s || s.expires < Date.now()) return null;
    return s;
  };
  const guard = (request: FastifyRequest, reply: FastifyReply): Session | null => {
    const s = signedIn(request);
    if (!s) void reply.redirect('/district/sign-in');
    return s;
  };

  app.get('/district/sign-in', async (_request, reply) => reply.type('text/html').send(signInPage('')));
  app.post('/district/sign-in', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const [user] = username
      ? await db.select().from(districtUsers).where(eq(districtUsers.username, username))
      : [];
    const ok = user && user.active === 1 && (await verify(user.passwordHash, password).catch(() => false));
    if (!ok) return reply.code(401).type('text/html').send(signInPage('Wrong username or password.'));
    const token = randomBytes(32).toString('base64url');
    sessions.set(sha256(token), {
      username: user.username,
      fullName: user.fullName,
      expires: Date.now() + SESSION_MS,
    });
    void reply.header('set-cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/district`);
    return reply.redirect('/district');
  });
  app.post('/district/sign-out', async (request, reply) => {
    const token = cookieOf(request);
    if (token) sessions.delete(sha256(token));
    return reply.redirect('/district/sign-in');
  });

  app.get('/district', async (request, reply) => {
    const s = guard(request, reply);
    if (!s) return reply;
    const list = await listFacilities(db);
    const anchors = await db.select().from(records).where(eq(records.entity, 'audit_anchor'));
    const rows = list.map((f) => {
      const anchor = anchors.find((a) => a.facilityId === f.id)?.payload as
        { hash?: string; seq?: number } | undefined;
      const held = Object.entries(f.records)
        .filter(([e]) => e !== 'audit_anchor')
        .map(([e, n]) => `${esc(e)}: ${n.toLocaleString('en')}`)
        .join(', ');
      return [
        `${esc(f.name)} <small>(${esc(f.code)})</small>`,
        esc(f.status),
        f.lastPushAt
          ? esc(new Date(f.lastPushAt).toISOString().replace('T', ' ').slice(0, 16)) + ' UTC'
          : 'never',
        held || 'none',
        String(f.rejected),
        anchor?.hash
          ? `<code title="${esc(anchor.hash)}">${esc(anchor.hash.slice(0, 12))}…</code> (#${anchor.seq ?? 0})`
          : '—',
      ];
    });
    return reply
      .type('text/html')
      .send(
        page(
          'Facilities',
          s.fullName,
          table(
            ['Facility', 'Status', 'Last push', 'Records held', 'Pending errors', 'Audit head'],
            rows,
            true,
          ),
        ),
      );
  });

  app.get('/district/reports', async (request, reply) => {
    const s = guard(request, reply);
    if (!s) return reply;
    const names = new Map((await db.select().from(facilities)).map((f) => [f.id, f.name]));
    const snaps = await db.select().from(records).where(eq(records.entity, 'report_snapshot'));
    const groups = new Map<string, { facility: string; values: Record<string, number> }[]>();
    for (const snap of snaps) {
      const p = snap.payload as { month?: string; report?: string; body?: unknown; voided?: boolean };
      if (p.voided) continue;
      const key = `${p.month ?? '?'} · ${p.report ?? 'report'}`;
      const list = groups.get(key) ?? [];
      list.push({ facility: names.get(snap.facilityId) ?? snap.facilityId, values: numbersIn(p.body) });
      groups.set(key, list);
    }
    const sections = [...groups.entries()]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([key, list]) => {
        const columns = [...new Set(list.flatMap((l) => Object.keys(l.values)))].sort();
        const rows = list
          .sort((a, b) => a.facility.localeCompare(b.facility))
          .map((l) => [esc(l.facility), ...columns.map((c) => (l.values[c] ?? 0).toLocaleString('en'))]);
        const totals = columns.map((c) =>
          list.reduce((sum, l) => sum + (l.values[c] ?? 0), 0).toLocaleString('en'),
        );
        rows.push(['<strong>District total</strong>', ...totals.map((t) => `<strong>${t}</strong>`)]);
        return `<h2>${esc(key)}</h2>${table(['Facility', ...columns.map(esc)], rows, true)}`;
      });
    return reply
      .type('text/html')
      .send(
        page(
          'Frozen monthly reports',
          s.fullName,
          sections.join('') || '<p>No frozen month has arrived yet.</p>',
        ),
      );
  });
}

/** The numeric figures of a report body, flattened to dotted names (e.g. "admissions.sam"). */
export function numbersIn(body: unknown, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body)) {
      const name = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'number' && Number.isFinite(v)) out[name] = v;
      else if (v && typeof v === 'object') Object.assign(out, numbersIn(v, name));
    }
  }
  return out;
}

function signInPage(error: string): string {
  return page(
    'District sign-in',
    null,
    `<form method="post" action="/district/sign-in">
      ${error ? `<p role="alert" class="error">${esc(error)}</p>` : ''}
      <label>Username <input name="username" autocomplete="username" required autofocus></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">Sign in</button>
    </form>`,
  );
}

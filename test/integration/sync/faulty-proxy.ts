// A TCP proxy between the pusher and the server that misbehaves on purpose: it cuts connections mid-request
// and mid-response, answers HTTP 500 without forwarding, adds latency, and delivers every request twice
// (a shadow connection replays the same bytes to the server and its answer is thrown away).
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Faults {
  cutRequest: number;
  cutResponse: number;
  http500: number;
  latencyMs: number;
  duplicate: boolean;
}

export interface FaultyProxy {
  url: string;
  stats: { connections: number; cutRequest: number; cutResponse: number; http500: number };
  close(): Promise<void>;
}

export async function startFaultyProxy(
  target: URL,
  faults: Faults,
  random: () => number,
): Promise<FaultyProxy> {
  const stats = { connections: 0, cutRequest: 0, cutResponse: 0, http500: 0 };
  const sockets = new Set<Socket>();
  const port = Number(target.port);
  const server: Server = createServer((client) => {
    stats.connections++;
    sockets.add(client);
    const roll0 = () => random();
    let roll = roll0();
    let fate =
      roll < faults.http500
        ? 'http500'
        : roll < faults.http500 + faults.cutRequest
          ? 'cutRequest'
          : roll < faults.http500 + faults.cutRequest + faults.cutResponse
            ? 'cutResponse'
            : 'pass';
    // Each request on a kept-alive connection meets its own fate.
    const reroll = () => {
      roll = roll0();
      fate =
        roll < faults.http500
          ? 'http500'
          : roll < faults.http500 + faults.cutRequest
            ? 'cutRequest'
            : roll < faults.http500 + faults.cutRequest + faults.cutResponse
              ? 'cutResponse'
              : 'pass';
    };
    let requests = 0;
    const upstream = connect(port, '127.0.0.1');
    const shadow = faults.duplicate ? connect(port, '127.0.0.1') : null;
    sockets.add(upstream);
    if (shadow) {
      sockets.add(shadow);
      shadow.on('data', () => undefined);
      shadow.on('error', () => undefined);
    }
    const end = () => {
      client.destroy();
      upstream.destroy();
      shadow?.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', () => {
      upstream.destroy();
      // Let the shadow finish its copy so the server really receives the request twice.
      setTimeout(() => shadow?.destroy(), 2_000).unref();
    });
    upstream.on('close', () => client.destroy());
    let sent = 0;
    let seenBytes = 0;
    client.on('data', (chunk: Buffer) => {
      if (/^(POST|GET|PUT) /.test(chunk.subarray(0, 5).toString('latin1'))) {
        if (requests++ > 0) reroll();
        seenBytes = 0;
      }
      seenBytes += chunk.length;
      if (fate === 'http500') {
        stats.http500++;
        client.end('HTTP/1.1 500 Internal Server Error\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}');
        upstream.destroy();
        return;
      }
      if (fate === 'cutRequest' && seenBytes > 200) {
        stats.cutRequest++;
        upstream.write(chunk.subarray(0, Math.floor(chunk.length / 2)));
        end();
        return;
      }
      setTimeout(() => {
        upstream.write(chunk);
        shadow?.write(chunk);
      }, faults.latencyMs);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (fate === 'cutResponse') {
        stats.cutResponse++;
        // The server did the work; the reply never arrives whole.
        client.write(chunk.subarray(0, Math.min(20, chunk.length)));
        end();
        return;
      }
      sent += chunk.length;
      setTimeout(() => client.write(chunk), faults.latencyMs);
    });
    void sent;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

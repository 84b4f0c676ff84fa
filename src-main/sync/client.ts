// HTTP to the central server (fetch). Network calls never run inside a database transaction.
import {
  enrolResponse,
  pushResponse,
  type EnrolRequest,
  type EnrolResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/wire';

/** A failure worth retrying later (network, timeout, 5xx, rate limit) versus one that needs a person. */
export class SyncHttpError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

async function post(
  url: string,
  body: unknown,
  credential: string | null,
  timeoutMs: number,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(credential ? { authorization: `Bearer ${credential}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SyncHttpError(
      `server not reachable (${error instanceof Error ? error.message : String(error)})`,
      true,
    );
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new SyncHttpError(
      `server answered ${response.status} without a readable reply`,
      true,
      response.status,
    );
  }
  if (!response.ok) {
    const message = (json as { message?: string } | null)?.message ?? `HTTP ${response.status}`;
    const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
    throw new SyncHttpError(message, retryable, response.status);
  }
  return json;
}

export function serverEndpoint(serverUrl: string, path: string): string {
  return new URL(path, serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`).toString();
}

export async function postEnrol(serverUrl: string, body: EnrolRequest): Promise<EnrolResponse> {
  return enrolResponse.parse(await post(serverEndpoint(serverUrl, 'api/v1/enrol'), body, null, 15_000));
}

export async function postPush(
  serverUrl: string,
  credential: string,
  body: PushRequest,
  timeoutMs = 30_000,
): Promise<PushResponse> {
  const parsed = pushResponse.safeParse(
    await post(serverEndpoint(serverUrl, 'api/v1/push'), body, credential, timeoutMs),
  );
  if (!parsed.success || parsed.data.batchId !== body.batchId)
    throw new SyncHttpError('server reply does not match the batch sent', true);
  return parsed.data;
}

import { session } from '../auth/session';

/** An RFC 9457 answer from the API, or the network failing. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    detail: string,
  ) {
    super(detail);
  }

  /** No answer at all: offline, DNS, connection reset. */
  get offline(): boolean {
    return this.status === 0;
  }
}

export interface RequestOptions {
  readonly method?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Without the session's bearer (public endpoints, sign-in). */
  readonly anonymous?: boolean;
}

/** Calls the API with the session's bearer token (never in the URL), answers parsed JSON. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  return (await response.json()) as T;
}

/** The same, for a file (PDF, CSV, XML): answers the body as a Blob. */
export async function apiBlob(path: string): Promise<Blob> {
  return (await send(path, {})).blob();
}

/** PUT a file as the raw body (a logo): answers parsed JSON. */
export async function apiUpload<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const response = await send(path, {
    method: 'PUT',
    rawBody: file,
    headers: { 'Content-Type': contentType },
  });
  return (await response.json()) as T;
}

async function send(path: string, options: RequestOptions & { rawBody?: Blob }): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, */*', ...options.headers };
  const token = options.anonymous ? undefined : session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, undefined, 'pas de réseau');
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    if (response.status === 401 && !options.anonymous) session.expired();
    throw new ApiError(response.status, problem.code, problem.detail ?? response.statusText);
  }
  return response;
}

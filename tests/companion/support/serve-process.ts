import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join, resolve } from 'node:path';

const CLI = resolve(import.meta.dirname, '../../../bin/refclip.js');

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  token: string;
  output(): string;
  /** Ends the process with `signal` and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Spawns a real `node bin/refclip.js serve --vault VAULT --port PORT` with its own config folder and waits for the
 * `listening on` line. `fileSizeLimitKb` runs it under `ulimit -f`, so writes past that size fail with EFBIG.
 */
export async function startServe(options: {
  vault: string;
  configDir: string;
  /** 0 (the default): an ephemeral port. */
  port?: number;
  args?: string[];
  fileSizeLimitKb?: number;
  env?: Record<string, string>;
}): Promise<ServeProcess> {
  // An empty `vault` leaves `--vault` out, so the remembered vault is served.
  const vaultArgs = options.vault === '' ? [] : ['--vault', options.vault];
  const serveArgs = [CLI, 'serve', ...vaultArgs, '--port', String(options.port ?? 0), ...(options.args ?? [])];
  const env = { ...process.env, ...options.env, REFCLIP_CONFIG_DIR: options.configDir };
  const child =
    options.fileSizeLimitKb === undefined
      ? spawn(process.execPath, serveArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(
          'bash',
          ['-c', `ulimit -f ${options.fileSizeLimitKb} && exec "$0" "$@"`, process.execPath, ...serveArgs],
          {
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
  let printed = '';
  child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const port = await new Promise<number>((done, fail) => {
    const check = () => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(printed);
      if (match) done(Number(match[1]));
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => fail(new Error(`refclip serve exited with ${code}:\n${printed}`)));
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    port,
    token: readFileSync(join(options.configDir, 'token'), 'utf8').trim(),
    output: () => printed,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json(): unknown;
}

/**
 * One HTTP request with full control of the headers (`Host` included, which fetch will not let a caller set) and
 * of the body (a string, a Buffer, or chunks sent without Content-Length).
 */
export function rawRequest(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunks?: Buffer[];
  },
): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => {
          const body = Buffer.concat(parts).toString('utf8');
          done({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) as unknown });
        });
      },
    );
    req.on('error', fail);
    if (options.chunks) for (const chunk of options.chunks) req.write(chunk);
    else if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Headers of an authorised JSON request, with the Host the server expects. */
export function authorised(server: ServeProcess, extra: Record<string, string> = {}): Record<string, string> {
  return {
    host: `127.0.0.1:${server.port}`,
    authorization: `Bearer ${server.token}`,
    'content-type': 'application/json',
    ...extra,
  };
}

/** An authorised `POST /v1/clips` with `body` (see `clipBody`), as the extension sends it. */
export function postClip(server: ServeProcess, body: string): Promise<RawResponse> {
  return rawRequest(server.port, { method: 'POST', path: '/v1/clips', headers: authorised(server), body });
}

/** A `POST /v1/clips` body for `url` into the note at `path`. */
export function clipBody(path: string, url: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    note: { path },
    clip: { url, title: `Report on ${url}`, publisher: 'Example Wire', why: 'It backs the claim.' },
    tags: [],
    date: '2026-03-14',
    ...extra,
  });
}

import { spawn, type ChildProcess } from 'node:child_process';
import { encodeFrame, FrameReader } from '../../../companion/host/native-framing';
import type { NativeAnswer, NativeRequest } from '../../../utils/core/native-protocol';

export interface HostProcess {
  child: ChildProcess;
  /** Sends one framed request and waits for the answer with its id. */
  call(request: NativeRequest): Promise<NativeAnswer>;
  /** Sends raw bytes (a hand-made frame) and waits for the next answer with `id`. */
  sendRaw(bytes: Buffer, id: string): Promise<NativeAnswer>;
  stderr(): string;
  /** Closes stdin, as the browser does, and resolves with the exit code. */
  close(): Promise<number | null>;
}

/**
 * Starts a host the way a browser does: `command args…` with pipes and exactly `env` (a browser passes no login
 * shell's PATH), then framed messages both ways.
 */
export function startHost(command: string, args: string[], env: Record<string, string>): HostProcess {
  const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const reader = new FrameReader(64 * 1024 * 1024);
  const waiting = new Map<string, (answer: NativeAnswer) => void>();
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    for (const frame of reader.push(chunk)) {
      if (!('bytes' in frame)) continue;
      const answer = JSON.parse(frame.bytes.toString('utf8')) as NativeAnswer;
      waiting.get(answer.id)?.(answer);
      waiting.delete(answer.id);
    }
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const answerTo = (id: string) => new Promise<NativeAnswer>((done) => waiting.set(id, done));
  return {
    child,
    call(request) {
      const answer = answerTo(request.id);
      child.stdin!.write(encodeFrame(request));
      return answer;
    },
    sendRaw(bytes, id) {
      const answer = answerTo(id);
      child.stdin!.write(bytes);
      return answer;
    },
    stderr: () => errors,
    close() {
      child.stdin!.end();
      return exited;
    },
  };
}

import { endianness } from 'node:os';

/**
 * Native messaging's framing: a 32-bit length in the machine's byte order, then that many bytes of UTF-8 JSON
 * (https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host-protocol).
 */
const LITTLE_ENDIAN = endianness() === 'LE';

export function encodeFrame(message: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(message), 'utf8');
  const frame = Buffer.allocUnsafe(4 + json.length);
  if (LITTLE_ENDIAN) frame.writeUInt32LE(json.length, 0);
  else frame.writeUInt32BE(json.length, 0);
  json.copy(frame, 4);
  return frame;
}

/** One message read off stdin: its bytes, or `oversize` when it was longer than the reader keeps. */
export type Frame = { bytes: Buffer } | { oversize: number };

/**
 * Splits a byte stream into frames. A frame longer than `maxBytes` is skipped as it streams by (never held in
 * memory) and reported once, so one huge message neither exhausts memory nor desynchronises the stream.
 */
export class FrameReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private skipping = 0;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): Frame[] {
    const frames: Frame[] = [];
    let data = chunk;
    if (this.skipping > 0) {
      const skipped = Math.min(this.skipping, data.length);
      this.skipping -= skipped;
      data = data.subarray(skipped);
    }
    this.pending.push(data);
    this.pendingBytes += data.length;
    for (;;) {
      if (this.pendingBytes < 4) break;
      // Only the 4-byte head is joined up front: a large frame arriving in many chunks is copied once, not per chunk.
      if (this.pending[0]!.length < 4) this.pending = [Buffer.concat(this.pending)];
      const head = this.pending[0]!;
      const length = LITTLE_ENDIAN ? head.readUInt32LE(0) : head.readUInt32BE(0);
      if (length <= this.maxBytes && this.pendingBytes < 4 + length) break;
      const buffer = this.pending.length === 1 ? head : Buffer.concat(this.pending);
      if (length > this.maxBytes) {
        frames.push({ oversize: length });
        const available = buffer.length - 4;
        this.skipping = Math.max(0, length - available);
        this.keep(buffer.subarray(4 + Math.min(length, available)));
        continue;
      }
      frames.push({ bytes: buffer.subarray(4, 4 + length) });
      this.keep(buffer.subarray(4 + length));
    }
    return frames;
  }

  private keep(rest: Buffer): void {
    this.pending = [rest];
    this.pendingBytes = rest.length;
  }
}

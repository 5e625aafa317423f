import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader, type Frame } from './native-framing';

const text = (frames: Frame[]) => frames.map((frame) => ('bytes' in frame ? frame.bytes.toString() : frame));

describe('native messaging framing', () => {
  it('prefixes UTF-8 JSON with its byte length in native byte order', () => {
    const frame = encodeFrame({ id: 'é' });
    expect(frame.readUInt32LE(0)).toBe(Buffer.byteLength('{"id":"é"}'));
    expect(frame.subarray(4).toString()).toBe('{"id":"é"}');
  });

  it('reads frames split anywhere and several in one chunk', () => {
    const bytes = Buffer.concat([encodeFrame({ a: 1 }), encodeFrame({ b: 'two' }), encodeFrame({})]);
    const oneByOne = new FrameReader(100);
    const read = [...bytes].flatMap((byte) => oneByOne.push(Buffer.from([byte])));
    expect(text(read)).toEqual(['{"a":1}', '{"b":"two"}', '{}']);
    expect(text(new FrameReader(100).push(bytes))).toEqual(['{"a":1}', '{"b":"two"}', '{}']);
  });

  it('skips a frame over the limit as it streams by and stays in step for the next one', () => {
    const big = encodeFrame({ pad: 'x'.repeat(50) });
    const bytes = Buffer.concat([big, encodeFrame({ next: true })]);
    const reader = new FrameReader(20);
    const read = [
      reader.push(bytes.subarray(0, 10)),
      reader.push(bytes.subarray(10, 30)),
      reader.push(bytes.subarray(30)),
    ];
    expect(text(read.flat())).toEqual([{ oversize: big.length - 4 }, '{"next":true}']);
  });
});

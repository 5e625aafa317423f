import { describe, expect, it } from 'vitest';
import { isTokenShaped, pairingFragment, pairingLink, parsePairingFragment } from './pairing';

const TOKEN = 'Vx_dyBLMESAbVTqKcQUdi4iVxfLQ4mWwksN2hWvnhHE';

describe('pairing fragment', () => {
  it('round-trips port and token through the link the companion prints', () => {
    const link = pairingLink(47813, TOKEN, 'ldklnbbmjpfgbcbapiehpnnafaldodbj');
    expect(link).toBe(
      'chrome-extension://ldklnbbmjpfgbcbapiehpnnafaldodbj/options.html#pair=' +
        'eyJ1cmwiOiJodHRwOi8vMTI3LjAuMC4xOjQ3ODEzIiwidG9rZW4iOiJWeF9keUJMTUVTQWJWVHFLY1FVZGk0aVZ4ZkxRNG1Xd2tzTjJoV3ZuaEhFIn0',
    );
    expect(parsePairingFragment(new URL(link).hash)).toEqual({ url: 'http://127.0.0.1:47813', token: TOKEN });
    expect(parsePairingFragment(pairingFragment(1, TOKEN).slice(1))).toEqual({
      url: 'http://127.0.0.1:1',
      token: TOKEN,
    });
  });

  const encode = (value: unknown) => `#pair=${btoa(JSON.stringify(value)).replace(/=+$/, '')}`;

  it.each([
    ['empty', ''],
    ['another fragment', '#settings'],
    ['not base64url', '#pair=***'],
    ['not JSON', `#pair=${btoa('not json')}`],
    ['a remote URL', encode({ url: 'http://evil.example:47813', token: TOKEN })],
    ['https', encode({ url: 'https://127.0.0.1:47813', token: TOKEN })],
    ['a path after the port', encode({ url: 'http://127.0.0.1:47813/x', token: TOKEN })],
    ['a short token', encode({ url: 'http://127.0.0.1:47813', token: 'abc' })],
    ['a token with other characters', encode({ url: 'http://127.0.0.1:47813', token: `${TOKEN}<script>` })],
    ['a missing token', encode({ url: 'http://127.0.0.1:47813' })],
  ])('refuses %s', (_name, hash) => {
    expect(parsePairingFragment(hash)).toBeNull();
  });

  it('tells token-shaped text from other text', () => {
    expect(isTokenShaped(TOKEN)).toBe(true);
    expect(isTokenShaped('short')).toBe(false);
    expect(isTokenShaped(`${TOKEN} `)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { isNewsAgency } from '../../utils/extract/news-agencies';

describe('isNewsAgency', () => {
  it.each([
    'Associated Press',
    'AP',
    'ap',
    ' Reuters ',
    'Agence France-Presse',
    'the Canadian Press',
    'The AP',
    'the\u00a0AFP',
  ])('knows %j', (name) => expect(isNewsAgency(name)).toBe(true));

  it.each(['Apple', 'The', 'the', 'AP News', 'Associated  Press', 'Reuters Staff', '\u212ayodo News', 'thе AP'])(
    'does not take %j for an agency',
    (name) => expect(isNewsAgency(name)).toBe(false),
  );
});

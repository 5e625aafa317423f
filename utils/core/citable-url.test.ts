import { describe, expect, it } from 'vitest';
import { citableUrl } from './url';

describe('citableUrl: the address a note cites (issue 16)', () => {
  it.each([
    ['https://news.example/a?utm_source=feed&id=7&fbclid=x#comments', 'https://news.example/a?id=7'],
    ['https://news.example/a?UTM_Medium=mail&MC_CID=1', 'https://news.example/a'],
    ['https://app.example/#/board/7?utm_source=x', 'https://app.example/#/board/7?utm_source=x'],
    ['http://news.example/a?b=2&a=1#top', 'http://news.example/a?b=2&a=1'],
    ['not a url #x', 'not a url #x'],
    ['mailto:desk@news.example', 'mailto:desk@news.example'],
  ])('%s → %s', (url, cited) => {
    expect(citableUrl(url)).toBe(cited);
  });
});

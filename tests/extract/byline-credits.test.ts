import { expect, it } from 'vitest';
import { cleanAuthors } from '../../utils/extract/authors';

// Issue 16: bylines that are not only the authors: CJK labels, roles and brackets, other credits, link texts.
it.each([
  ['著者：田中宏昌', ['田中宏昌']],
  ['文：佐藤花子', ['佐藤花子']],
  ['作者：王小明', ['王小明']],
  ['記者 山本太郎', ['山本太郎']],
  ['田中宏昌記者', ['田中宏昌']],
  ['김민수 기자', ['김민수']],
  ['[ 田中宏昌，', ['田中宏昌']],
  ['【田中宏昌、佐藤花子】', ['田中宏昌', '佐藤花子']],
  ['著者：Ada Lowe 翻訳者：山本太郎', ['Ada Lowe']],
])('%s → %j', (raw, names) => {
  expect(cleanAuthors([raw])).toEqual(names);
});

it.each([
  ['By Ada Lowe Photographs by Bo Lind Styling by Cy Park', ['Ada Lowe']],
  ['Ada Lowe Styled by Cy Park', ['Ada Lowe']],
  ['View author archive', []],
  ['Get author RSS feed', []],
  ["Visit the author's page", []],
])('credits and link texts: %s → %j', (raw, names) => {
  expect(cleanAuthors([raw])).toEqual(names);
});

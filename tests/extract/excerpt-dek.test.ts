import { expect, it } from 'vitest';
import { extract, page } from './page';

// Issue 16: without a declared description, the summary a page marks under its headline beats its first paragraph.
const story =
  '<h1>Ferry timetable changes</h1><p class="standfirst">Crossings move to the hour from May, and the night boat goes.</p>' +
  '<article><p>HARBOURTOWN — The council voted on Tuesday to change the ferry timetable. It takes effect in May.</p></article>';

it('takes a marked standfirst over the first paragraph', () => {
  expect(extract(page('<title>Ferry timetable changes</title>', story)).excerpt).toBe(
    'Crossings move to the hour from May, and the night boat goes.',
  );
});

it('keeps a declared description first', () => {
  const head = '<title>Ferry</title><meta name="description" content="The council changed the ferry timetable.">';
  expect(extract(page(head, story)).excerpt).toBe('The council changed the ferry timetable.');
});

it('ignores a dek in a list of other stories', () => {
  const body =
    '<ul><li><p class="dek">Another story entirely, about the harbour wall and its repairs.</p></li></ul>' +
    '<article><p>The council voted on Tuesday to change the ferry timetable. It takes effect in May.</p></article>';
  expect(extract(page('<title>Ferry</title>', body)).excerpt).toBe(
    'The council voted on Tuesday to change the ferry timetable. It takes effect in May.',
  );
});

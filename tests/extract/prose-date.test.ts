import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../utils/extract/dates';

// Issue 16: prose dates read by our own rules, the same in every engine and in every machine time zone.
describe('prose dates', () => {
  it.each([
    ['March 5, 2030', '2030-03-05'],
    ['Mar. 5, 2030 2:02pm', '2030-03-05T14:02:00'],
    ['Tue, 05 Mar 2030 14:02:00 GMT', '2030-03-05T14:02:00Z'],
    ['Tue, 05 Mar 2030 14:02:00 +0100', '2030-03-05T14:02:00+01:00'],
    ['Updated: Sat 8:31 PM, Feb 17, 2030', '2030-02-17T20:31:00'],
    ['Posted Tuesday, 5th March 2030 at 12:05 a.m. EST', '2030-03-05T00:05:00-05:00'],
    ['Nov 18, 2030 9:24 pm ET', '2030-11-18T21:24:00-05:00'],
    ['July 4, 2030 9:24 pm ET', '2030-07-04T21:24:00-04:00'],
    ['3/5/2030', '2030-03-05'],
    ['Sept 30, 2030 (updated)', '2030-09-30'],
  ])('%s → %s', (text, iso) => {
    expect(normalizeDate(text)).toBe(iso);
  });

  it.each([
    ['February 30, 2030'],
    ['March 5, 2030 13:00 pm'],
    ['Smarch 5, 2030'],
    ['March 5, 2030 in Harbourtown'],
    ['5 March'],
    ['March 5, 1066'],
  ])('%s is no date', (text) => {
    expect(normalizeDate(text)).toBeNull();
  });
});

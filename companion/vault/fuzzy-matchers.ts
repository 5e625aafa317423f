import uFuzzy from '@leeoniya/ufuzzy';

/** Latin letters with Latin-1 accents: uFuzzy's fast mode, used for every query written in them. */
export const latinFuzzy = new uFuzzy({ alpha: 'a-zà-öø-ÿ', intraMode: 1 });

/**
 * The same Latin matcher without typo tolerance (each term a substring): its matches are a subset of `latinFuzzy`'s,
 * found several times faster, so a query they already fill needs no single-error pass.
 */
export const latinExact = new uFuzzy({ alpha: 'a-zà-öø-ÿ', intraMode: 0 });

/** uFuzzy's universal settings from its README (about twice as slow), for queries in other scripts. */
export const unicodeFuzzy = new uFuzzy({
  unicode: true,
  interSplit: "[^\\p{L}\\d']+",
  intraSplit: '\\p{Ll}\\p{Lu}',
  intraBound: '\\p{L}\\d|\\d\\p{L}|\\p{Ll}\\p{Lu}',
  intraChars: "[\\p{L}\\d']",
  intraContr: "'\\p{L}{1,2}\\b",
  intraMode: 1,
});

/** Queries written in Latin-1 only (ASCII and Western accents) can use the fast matcher. */
export const LATIN_QUERY = /^[ -\u00ff]*$/;

/**
 * The language of a page that declares none, guessed from its paragraphs: by script for scripts one language
 * dominates (Hangul, kana, Thai, …), else by the most frequent function words of common Latin-script languages.
 * Hand-written, not a library: trigram detectors (franc, cld) weigh hundreds of KB, too much for the injected bundle,
 * and a page's own words answer this coarse question well enough.
 */

const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and of to is in that it was for with on are this have be said by from not',
  de: 'der die und das ist nicht ein eine mit sich auf den dem auch wird von zu im für',
  fr: 'le les et est des une du dans pour que qui pas sur au avec ce il elle sont',
  es: 'el los las y es del que en por una con para se su al como lo más pero',
  pt: 'o os e é do da dos das que em um uma para com não no na mais ao pelo',
  it: 'il di che è della del per un una sono con non nel gli alla anche come più',
  nl: 'de het een en van is dat niet op te zijn met voor ook wordt naar bij er',
  sv: 'och att det som en är på för med av inte den har till om var jag',
  pl: 'i w na się nie z do to że jest jak o co po przez są dla',
  id: 'yang dan di ini itu dengan untuk dari dalam tidak akan pada adalah ke juga',
  tr: 've bir bu için ile çok olarak daha gibi olan en ama sonra kadar',
  cs: 'a je se na v že to s z o do jako ale by jsou jsem také',
  // Placeholder text ("Lorem ipsum dolor sit amet") is Latin, not French or English.
  la: 'et in est non ut sed ad cum quod enim sit amet dolor quis',
};
/** Each function word with the languages it belongs to, so the text is read once. */
const LANGUAGES_OF_WORD = new Map<string, string[]>();
for (const [code, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words.split(' ')) LANGUAGES_OF_WORD.set(word, [...(LANGUAGES_OF_WORD.get(word) ?? []), code]);
}
const SCRIPTS: readonly [string, RegExp][] = [
  ['ko', /\p{Script=Hangul}/gu],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['zh', /\p{Script=Han}/gu],
  ['ru', /\p{Script=Cyrillic}/gu],
  ['ar', /\p{Script=Arabic}/gu],
  ['he', /\p{Script=Hebrew}/gu],
  ['el', /\p{Script=Greek}/gu],
  ['th', /\p{Script=Thai}/gu],
  ['hi', /\p{Script=Devanagari}/gu],
];
/** Where the scripts above begin: text with nothing from here on is Latin (or symbols) and counts none of them. */
const BEYOND_LATIN = /[\u0370-\uffff]/;
/** What is not `\p{L}` in text with nothing beyond Latin, spelled without the Unicode tables a cold page would build. */
export const NOT_LATIN_LETTER =
  /[^A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02c1\u02c6-\u02d1\u02e0-\u02e4\u02ec\u02ee]+/;
const SAMPLE_LENGTH = 3000;
const MIN_HITS = 8;
const MIN_SAMPLE = 60;

export function guessLanguage(document: Document): string | null {
  const text = sampleText(document);
  if (!text) return null;
  // Most pages: no script to count, and text without letters has no function words either.
  if (!BEYOND_LATIN.test(text)) return byFunctionWords(text);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (!letters) return null;
  const scriptCounts = SCRIPTS.map(([code, pattern]) => [code, text.match(pattern)?.length ?? 0] as const);
  // Japanese mixes kana into Han: any real share of kana makes it Japanese.
  const kana = scriptCounts.find(([code]) => code === 'ja')![1];
  if (kana > letters * 0.1) return 'ja';
  const [script, count] = scriptCounts.reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  if (count > letters * 0.4) return script === 'ru' && /[іїєґ]/iu.test(text) ? 'uk' : script;
  return byFunctionWords(text);
}

function byFunctionWords(text: string): string | null {
  const counts = new Map<string, number>();
  const lower = text.toLowerCase();
  for (const word of lower.split(BEYOND_LATIN.test(lower) ? /[^\p{L}]+/u : NOT_LATIN_LETTER)) {
    for (const code of LANGUAGES_OF_WORD.get(word) ?? []) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const scores = Array.from(counts).sort((a, b) => b[1] - a[1]);
  const [best, runnerUp] = scores;
  if (!best || best[1] < MIN_HITS || best[1] < (runnerUp?.[1] ?? 0) * 1.5) return null;
  return best[0];
}

/** The first paragraphs' text, up to a few thousand characters; none when they are too short to tell. */
function sampleText(document: Document): string {
  let text = '';
  for (const paragraph of Array.from(document.getElementsByTagName('p'))) {
    text += ` ${paragraph.textContent ?? ''}`;
    if (text.length >= SAMPLE_LENGTH) break;
  }
  return text.trim().length < MIN_SAMPLE ? '' : text.slice(0, SAMPLE_LENGTH);
}

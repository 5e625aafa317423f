import type { Plugin } from 'vite';

/**
 * A build step for the scripts injected into the page being clipped: every regex literal becomes
 * `(new RegExp("pattern", "flags"))`. A literal is a new RegExp each time it is evaluated, and so is the constructor:
 * the code does the same. The difference is when the pattern is parsed. V8 checks every regex literal of a script
 * while parsing the script, those in functions that never run included (the extractor has some 260, a good share of
 * its cold run, issue 16); from a string, only the patterns a page actually reaches are ever parsed. The source
 * keeps its literals, so eslint-plugin-regexp still checks them.
 */
export function regexpFromStrings(chunkNames: readonly string[]): Plugin {
  return {
    name: 'refclip:regexp-from-strings',
    apply: 'build',
    renderChunk(code, chunk) {
      if (!chunkNames.includes(chunk.name)) return null;
      const literals: { start: number; end: number; pattern: string; flags: string }[] = [];
      collectRegexLiterals(this.parse(code), literals);
      if (!literals.length) return null;
      let rewritten = '';
      let at = 0;
      for (const { start, end, pattern, flags } of literals.sort((a, b) => a.start - b.start)) {
        rewritten += `${code.slice(at, start)}(new RegExp(${JSON.stringify(pattern)},${JSON.stringify(flags)}))`;
        at = end;
      }
      return { code: rewritten + code.slice(at), map: null };
    },
  };
}

interface RegexLiteral {
  type: 'Literal';
  start: number;
  end: number;
  regex: { pattern: string; flags: string };
}

/** Walks an ESTree program for regex literals, iteratively (a deep AST would overflow a recursive walk). */
function collectRegexLiterals(
  program: unknown,
  found: { start: number; end: number; pattern: string; flags: string }[],
) {
  const stack: unknown[] = [program];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const literal = node as Partial<RegexLiteral>;
    if (literal.type === 'Literal' && literal.regex && typeof literal.start === 'number') {
      found.push({
        start: literal.start,
        end: literal.end!,
        pattern: literal.regex.pattern,
        flags: literal.regex.flags,
      });
      continue;
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') stack.push(value);
  }
}

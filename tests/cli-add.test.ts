import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'bin', 'refclip.js');
const LATE_EDITOR = join(import.meta.dirname, 'companion', 'support', 'late-editor.mjs');
let dir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`node bin/refclip.js …`) in the temp folder, with a config folder of its own. */
function refclip(...args: string[]): Promise<Run> {
  const env = { ...process.env, REFCLIP_CONFIG_DIR: join(dir, '.config') };
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const CLIP = [
  '--url',
  'https://example.org/ferries?utm_source=rss',
  '--title',
  'Ferries go electric',
  '--publisher',
  'Wire',
];
const NOTE = '---\ntitle: ferries\ntags:\n  - sea\nupdated: 2025-01-01\n---\n\n# ferries\n\n## sources\n\n## linkage\n';
const ADDED =
  '---\ntitle: ferries\ntags:\n  - sea\n  - energy\nupdated: 2026-03-14\n---\n\n# ferries\n\n## sources\n\n' +
  '> [!ref] Wire - Ferries go electric\n> https://example.org/ferries?utm_source=rss\n> Why it matters: Scale.\n\n## linkage\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'refclip-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function freshNote(name: string, text: string): Promise<string> {
  await writeFile(join(dir, name), text);
  return name;
}

// Each case starts a real node + tsx process: seconds on a busy machine.
describe('refclip add', { timeout: 60_000 }, () => {
  it("writes --quote as the callout's > > lines, neutralised like any selection (issue 17)", async () => {
    const note = await freshNote('quoted.md', NOTE);
    const quote = 'Ferries _charge_ at the [quay](https://example.org/quay).\n> [!x] not a callout [[Home]]';
    const run = await refclip('add', note, ...CLIP, '--quote', quote, '--date', '2026-03-14');
    expect(run).toEqual({ code: 0, stdout: 'added: quoted.md\n', stderr: '' });
    expect(await readFile(join(dir, note), 'utf8')).toBe(
      NOTE.replace('updated: 2025-01-01', 'updated: 2026-03-14').replace(
        '## sources\n\n',
        '## sources\n\n> [!ref] Wire - Ferries go electric\n> https://example.org/ferries?utm_source=rss\n' +
          '> > Ferries _charge_ at the [quay](https://example.org/quay).\n> > > \\[!x] not a callout \\[\\[Home\\]\\]\n\n',
      ),
    );
  });

  it('adds a clip, prints one line, and the bytes on disk are the engine result', async () => {
    const note = await freshNote('ferries.md', NOTE);
    const run = await refclip(
      'add',
      note,
      ...CLIP,
      '--why',
      'Scale.',
      '--tag',
      'energy',
      '--tag',
      'sea',
      '--date',
      '2026-03-14',
    );
    expect(run).toEqual({ code: 0, stdout: 'added: ferries.md\n', stderr: '' });
    expect(await readFile(join(dir, note), 'utf8')).toBe(ADDED);
  });

  it("writes with the note settings of the companion's config", async () => {
    await mkdir(join(dir, '.config'), { recursive: true });
    const settings = { calloutTemplate: '> [!source] {title}\n> {url}', sourcesHeading: 'Reading' };
    await writeFile(join(dir, '.config', 'config.json'), JSON.stringify({ settings }));
    try {
      const note = await freshNote('reading.md', '# Reading\n\n## Reading\n\n## linkage\n');
      const run = await refclip('add', note, ...CLIP, '--date', '2026-03-14');
      expect(run).toEqual({ code: 0, stdout: 'added: reading.md\n', stderr: '' });
      expect(await readFile(join(dir, note), 'utf8')).toBe(
        '---\nupdated: 2026-03-14\n---\n# Reading\n\n## Reading\n\n' +
          '> [!source] Ferries go electric\n> https://example.org/ferries?utm_source=rss\n\n## linkage\n',
      );
    } finally {
      await rm(join(dir, '.config'), { recursive: true, force: true });
    }
  });

  it('says already present for the same source (tracking parameters aside) and leaves the file as it was', async () => {
    const note = await freshNote('present.md', ADDED);
    const run = await refclip(
      'add',
      note,
      '--url',
      'https://www.example.org/ferries/#top',
      '--title',
      'x',
      '--publisher',
      'y',
      '--tag',
      'new',
      '--date',
      '2026-04-01',
    );
    expect(run).toEqual({ code: 0, stdout: 'already present: present.md\n', stderr: '' });
    expect(await readFile(join(dir, note), 'utf8')).toBe(ADDED);
  });

  it('creates a missing note with the next free note_id of the day in that folder', async () => {
    await mkdir(join(dir, 'vault'));
    await writeFile(join(dir, 'vault', 'other.md'), '---\nnote_id: 260314RC01\n---\n');
    const run = await refclip('add', 'vault/New: idea?.md', ...CLIP, '--date', '2026-03-14');
    expect(run).toEqual({ code: 0, stdout: 'created: vault/New: idea?.md\n', stderr: '' });
    expect(await readFile(join(dir, 'vault', 'New: idea?.md'), 'utf8')).toBe(
      '---\ntitle: Ferries go electric\ntags: []\nkeywords: []\ndraft: true\ndescription: ""\ncreated: 2026-03-14\n' +
        'updated: 2026-03-14\nnote_id: 260314RC02\ncssclasses: []\n---\n\n# Ferries go electric\n\n## sources\n\n' +
        '> [!ref] Wire - Ferries go electric\n> https://example.org/ferries?utm_source=rss\n',
    );
    expect((await readdir(join(dir, 'vault'))).sort()).toEqual(['New: idea?.md', 'other.md']);
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const note = await freshNote('dry.md', NOTE);
    const run = await refclip(
      'add',
      note,
      ...CLIP,
      '--why',
      'Scale.',
      '--tag',
      'energy',
      '--date',
      '2026-03-14',
      '--dry-run',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        '--- dry.md',
        '+++ dry.md',
        '@@ -1,12 +1,17 @@',
        ' ---',
        ' title: ferries',
        ' tags:',
        '   - sea',
        '-updated: 2025-01-01',
        '+  - energy',
        '+updated: 2026-03-14',
        ' ---',
        ' ',
        ' # ferries',
        ' ',
        ' ## sources',
        ' ',
        '+> [!ref] Wire - Ferries go electric',
        '+> https://example.org/ferries?utm_source=rss',
        '+> Why it matters: Scale.',
        '+',
        ' ## linkage',
        '',
      ].join('\n'),
    );
    expect(await readFile(join(dir, note), 'utf8')).toBe(NOTE);
    const missing = await refclip('add', 'not-yet.md', ...CLIP, '--dry-run');
    expect(missing.stdout.split('\n').slice(0, 3)).toEqual(['--- /dev/null', '+++ not-yet.md', '@@ -0,0 +1,18 @@']);
    expect(await readdir(dir)).not.toContain('not-yet.md');
  });

  it('keeps a CRLF note with a BOM in CRLF with its BOM', async () => {
    const note = await freshNote('crlf.md', '\uFEFF# T\r\n');
    await refclip('add', note, ...CLIP, '--date', '2026-03-14');
    expect(await readFile(join(dir, note), 'utf8')).toBe(
      '\uFEFF---\r\nupdated: 2026-03-14\r\n---\r\n# T\r\n\r\n## sources\r\n\r\n> [!ref] Wire - Ferries go electric\r\n> https://example.org/ferries?utm_source=rss\r\n',
    );
  });

  it.each([
    [
      'invalid YAML',
      'bad.md',
      '---\ntitle: a\n\ttags: b\n---\n',
      [],
      /^refclip: bad\.md: line 3: invalid frontmatter YAML: tabs are not allowed as indentation; nothing written\n$/,
    ],
    [
      'a duplicate key',
      'dup.md',
      '---\na: 1\na: 2\n---\n',
      [],
      /^refclip: dup\.md: line 3: invalid frontmatter YAML: map keys must be unique; nothing written\n$/,
    ],
    [
      'bytes that are not UTF-8',
      'latin.md',
      Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
      [],
      /^refclip: latin\.md: not valid UTF-8 \(byte 0xe9 at offset 2\); nothing written\n$/,
    ],
    [
      'a bad date',
      'date.md',
      NOTE,
      ['--date', '2026-02-30'],
      /^refclip: --date must be a real date written YYYY-MM-DD, got "2026-02-30"\n$/,
    ],
    [
      'a bad URL',
      'url.md',
      NOTE,
      ['--url', 'javascript:alert(1)'],
      /^refclip: --url must be an http\(s\) URL, got "javascript:alert\(1\)"\n$/,
    ],
    ['a non-.md path', 'note.txt', NOTE, [], /^refclip: note\.txt: the note must be a \.md file\n$/],
  ])(
    'exits non-zero with one line for %s and leaves the file byte-identical',
    async (_name, name, content, extra, message) => {
      await writeFile(join(dir, name), content);
      const before = await readFile(join(dir, name));
      const run = await refclip('add', name, ...CLIP, ...extra);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect((await readFile(join(dir, name))).equals(before)).toBe(true);
    },
  );

  it('refuses a read-only note', async () => {
    const note = await freshNote('locked.md', NOTE);
    await chmod(join(dir, note), 0o444);
    const run = await refclip('add', note, ...CLIP);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('refclip: locked.md: the note is read-only; nothing written\n');
    expect(await readFile(join(dir, note), 'utf8')).toBe(NOTE);
  });

  it('refuses to create a note in a missing folder', async () => {
    const run = await refclip('add', 'nowhere/x.md', ...CLIP);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'refclip: nowhere/x.md: folder "nowhere" does not exist\n' });
  });

  it.each([
    ['a missing value', ['add', 'x.md', '--url'], "error: option '--url <url>' argument missing\n"],
    [
      'a missing required flag',
      ['add', 'x.md', '--url', 'https://a.example', '--title', 't'],
      "error: required option '--publisher <name>' not specified\n",
    ],
    ['an unknown flag', ['add', 'x.md', ...CLIP, '--colour', 'red'], "error: unknown option '--colour'\n"],
    ['a missing note argument', ['add', ...CLIP], "error: missing required argument 'note'\n"],
  ])('prints a one-line error for %s', async (_name, args, stderr) => {
    const run = await refclip(...args);
    expect(run).toEqual({ code: 2, stdout: '', stderr });
    expect(await readdir(dir)).not.toContain('x.md');
  });

  it('waits for an editor that saves in place into the note it replaced, and merges that save', async () => {
    const text = '---\ntitle: late\n---\n\n# late\n\nFirst.\n\nSecond.\n\nThird.\n\n## sources\n\n## linkage\n';
    const control = await freshNote('late-control.md', text);
    const note = await freshNote('late.md', text);
    const args = [...CLIP, '--date', '2026-03-14'];
    expect((await refclip('add', control, ...args)).code).toBe(0);
    // Opened before the clip, saved 300 ms after refclip's rename: into the file refclip replaced.
    const editor = spawn(process.execPath, [LATE_EDITOR, join(dir, note), 'Second.', 'Second, edited.', '300']);
    let said = '';
    const opened = new Promise<void>((done) =>
      editor.stdout.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        if (said.includes('open\n')) done();
      }),
    );
    const exited = new Promise<void>((done) => editor.once('exit', () => done()));
    await opened;
    const run = await refclip('add', note, ...args);
    await exited;
    expect(said).toBe('open\nsaved\n');
    expect(run).toEqual({ code: 0, stdout: 'added: late.md\n', stderr: '' });
    const clipped = await readFile(join(dir, control), 'utf8');
    expect(clipped).toContain('> https://example.org/ferries?utm_source=rss\n');
    expect(await readFile(join(dir, note), 'utf8')).toBe(clipped.replace('Second.', 'Second, edited.'));
  });
});

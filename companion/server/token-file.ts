import { readFile, stat } from 'node:fs/promises';
import { TOKEN_SHAPE } from '../config';

/**
 * The token the server accepts, following the token file while it runs. `refclip pair` after the file was removed
 * writes a new token and prints it; a user who deletes the file and pairs again means to replace the token, so the
 * running server switches to the new one (and stops accepting the old) instead of asking for a restart. While the
 * file is missing or holds no valid token, the last good token stays in force.
 */
export class TokenFile {
  private seen = '';

  constructor(
    private readonly file: string,
    private token: string,
  ) {}

  /** The token in force now: one `stat` per call, the file is reread only when it changed. */
  async current(): Promise<string> {
    try {
      const stats = await stat(this.file);
      const version = `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
      if (version !== this.seen) {
        this.seen = version;
        const text = (await readFile(this.file, 'utf8')).trim();
        if (TOKEN_SHAPE.test(text)) this.token = text;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return this.token;
  }
}

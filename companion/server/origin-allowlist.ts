import { CHROME_EXTENSION_ID } from '../../utils/extension-ids';
import { updateConfig } from '../config';

/**
 * Exact origins allowed to call the companion: the Chrome build (fixed id from the manifest key), origins
 * recorded by `POST /v1/pair` (Firefox gives each install a random `moz-extension://` origin) and `--allow-origin`.
 */
export class OriginAllowlist {
  private readonly origins: Set<string>;

  constructor(
    private readonly configDir: string,
    recorded: string[],
    extra: string[],
  ) {
    this.origins = new Set([`chrome-extension://${CHROME_EXTENSION_ID}`, ...recorded, ...extra]);
  }

  isAllowed(origin: string): boolean {
    return this.origins.has(origin);
  }

  /** Remembers a paired origin in the config file; the update is queued, so other fields written meanwhile survive. */
  async record(origin: string): Promise<void> {
    if (this.origins.has(origin)) return;
    this.origins.add(origin);
    await updateConfig(this.configDir, (config) =>
      config.allowedOrigins.includes(origin)
        ? config
        : { ...config, allowedOrigins: [...config.allowedOrigins, origin] },
    );
  }
}

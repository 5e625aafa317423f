import { createMiddleware } from 'hono/factory';
import { VaultNotFoundError, type Vault } from '../vault/vault';
import { ApiError } from './api-error';

/** Answers 503 `vault-not-found` while the vault folder is gone, instead of stale results or misleading 404s. */
export function vaultGuard(vault: Vault) {
  return createMiddleware(async (_c, next) => {
    try {
      await vault.ensurePresent();
    } catch (error) {
      if (error instanceof VaultNotFoundError) throw new ApiError(503, 'vault-not-found', error.message);
      throw error;
    }
    await next();
  });
}

/**
 * Why a companion request failed, in the words the popup and the notifications show.
 * - `offline`: not running, unreachable, or a 5xx (the clip is worth retrying later);
 * - `refused`: the companion is there but turned the token (or this extension's origin) away;
 * - `rejected`: the request itself was refused (bad note path, malformed note); retrying cannot help.
 */
export type CompanionFailureKind = 'offline' | 'refused' | 'rejected';

export class CompanionError extends Error {
  constructor(
    readonly kind: CompanionFailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CompanionError';
  }
}

import type { ClipTarget } from '../messaging/protocol';

/** The name a person knows a target note by: its title, else its file name without `.md`. */
export function targetTitle(target: ClipTarget): string {
  if ('create' in target) return target.create.title;
  if (target.title) return target.title;
  const file = target.path.split('/').pop() ?? target.path;
  return file.replace(/\.md$/i, '');
}

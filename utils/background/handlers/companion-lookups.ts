import type { NoteSummary, SuggestedNote, SuggestPage, TagCount } from '../../core/companion-api';
import { pairedCompanion } from '../companion';
import { CompanionError } from '../companion-client';

/**
 * Look-ups the popup makes through the worker (the worker holds the token). Without a reachable companion they
 * answer empty: the popup shows the companion's state from `getStatus` and works on with recent notes.
 */
async function lookUp<T>(
  ask: (client: NonNullable<Awaited<ReturnType<typeof pairedCompanion>>>) => Promise<T[]>,
): Promise<T[]> {
  const client = await pairedCompanion();
  if (client === null) return [];
  try {
    return await ask(client);
  } catch (error) {
    if (error instanceof CompanionError) return [];
    throw error;
  }
}

/** `searchNotes`: notes ranked by the companion's fuzzy search (recently modified first for an empty query). */
export function handleSearchNotes(data: { q: string; limit?: number }): Promise<NoteSummary[]> {
  return lookUp((client) => client.searchNotes(data.q, data.limit));
}

/** `listTags`: the vault's tags with their counts. */
export function handleListTags(): Promise<TagCount[]> {
  return lookUp((client) => client.listTags());
}

/** `findSources`: the notes that already cite a URL. */
export function handleFindSources(data: { url: string }): Promise<NoteSummary[]> {
  return lookUp((client) => client.findSources(data.url));
}

/** `suggestNotes`: the notes a page most likely belongs in (`POST /v1/suggest`). */
export function handleSuggestNotes(data: { page: SuggestPage; limit?: number }): Promise<SuggestedNote[]> {
  return lookUp((client) => client.suggestNotes(data.page, data.limit));
}

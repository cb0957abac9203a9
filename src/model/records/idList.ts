/** A list of ids naming other records; an empty list is the same as none (saving leaves it out). */
import { LIMITS } from '../limits';
import { id, list } from './fields';

export function idList(what: string) {
  return list(id(), { max: LIMITS.maxListItems, what })
    .transform((ids) => (ids.length > 0 ? ids : undefined))
    .optional();
}

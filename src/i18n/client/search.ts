/** messages(lang).search for browser scripts: a module of its own, so a bundle carries no other namespace. */
import type { Lang } from '../../lib/schema/lang.ts';
import { search as en } from '../en/search.ts';
import { search as ja } from '../ja/search.ts';
import type { Messages } from '../ja.ts';

export const searchWords: Readonly<Record<Lang, Messages['search']>> = { ja, en };

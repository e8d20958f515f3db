/** messages(lang).hours for browser scripts: a module of its own, so a bundle carries no other namespace. */
import type { Lang } from '../../lib/schema/lang.ts';
import { hours as en } from '../en/hours.ts';
import { hours as ja } from '../ja/hours.ts';
import type { Messages } from '../ja.ts';

export const hoursWords: Readonly<Record<Lang, Messages['hours']>> = { ja, en };

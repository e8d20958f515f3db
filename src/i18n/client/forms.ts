/** messages(lang).forms for browser scripts: a module of its own, so a bundle carries no other namespace. */
import type { Lang } from '../../lib/schema/lang.ts';
import { formErrors as enErrors } from '../en/form-errors.ts';
import { forms as en } from '../en/forms.ts';
import { formErrors as jaErrors } from '../ja/form-errors.ts';
import { forms as ja } from '../ja/forms.ts';
import type { Messages } from '../ja.ts';

export const formWords: Readonly<Record<Lang, Messages['forms']>> = { ja, en };
/** messages(lang).formErrors for the forms script. */
export const formErrorWords: Readonly<Record<Lang, Messages['formErrors']>> = { ja: jaErrors, en: enErrors };

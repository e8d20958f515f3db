/** POST /api/corrections — 掲載情報の修正依頼 (opens a GitHub issue without reporter data). */
import { correctionForm } from '../_lib/forms.ts';
import { formEndpoint } from '../_lib/submit.ts';

export const onRequest = formEndpoint(correctionForm);

/** POST /api/facility-updates — 掲載情報の更新（医療機関の方）: stored, email-verified, then a pull request. */
import { facilityUpdateForm } from '../../_lib/forms.ts';
import { formEndpoint } from '../../_lib/submit.ts';

export const onRequest = formEndpoint(facilityUpdateForm);

/** Query-string prefill and request ids on the form pages (works without JavaScript). */
export { formPageMiddleware as onRequestGet } from '../_lib/form-pages.ts';

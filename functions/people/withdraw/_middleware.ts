/** The staff registration form: a fresh form token (the no-JavaScript bot check) and the other form-page touches. */
export { formPageMiddleware as onRequestGet } from '../../_lib/form-pages.ts';

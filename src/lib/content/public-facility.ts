/**
 * What the open-data export publishes about a facility: the public fields only (no `editors`),
 * with the provenance of each value so derived ones say they are derived.
 */
import type { Facility } from '../schema/index.ts';

export const publicFacility = ({ editors: _editors, ...rest }: Facility) => rest;

/** The object without its undefined values (optional fields a form left empty), for files that omit them. */
export const compact = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

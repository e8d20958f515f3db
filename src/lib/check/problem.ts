/** One thing wrong in content/, named by file and field (the check's output; the rules' too). */
export interface ContentProblem {
  /** Path relative to the content folder's parent, e.g. content/facilities/x.yaml. */
  file: string;
  /** Dotted field path, e.g. `hours.schedules.0.slots.1.close`, or '' for the whole file. */
  field: string;
  /** Japanese message for an editor. */
  message: string;
}

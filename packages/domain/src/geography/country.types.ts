/** One row of the generated country table (see scripts/generate-countries.js). */
export interface Country {
  /** ISO 3166-1 alpha-2, upper case (the dataset's cca2). */
  code: string;
  /** Common English name, e.g. "France", not the official "French Republic". */
  name: string;
  /** The dataset's continent-level region: Africa, Americas, Antarctic, Asia, Europe, Oceania. */
  region: string;
  /** The dataset's UN-style subregion, e.g. "Western Asia"; empty for the Antarctic territories. */
  subregion: string;
  /**
   * ISO 3166-1 numeric, three digits with leading zeros ("250"), the dataset's ccn3; null when
   * the dataset has none (XK). World maps (world-atlas) key their shapes by it.
   */
  numericCode: string | null;
}

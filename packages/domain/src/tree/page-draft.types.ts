import type { PageKind, PageStatus, TreePage } from './page.types';

/** A page as a user submits it, before it is stored: a creation, or an update when `id` is set. */
export interface PageDraft {
  /** Set when this updates an existing page; its stored version is then in the context's pages. */
  id?: string;
  kind: PageKind;
  parentId: string | null;
  network: string;
  name: string;
  url: string;
  country: string | null;
  languages: string[];
  segment: string | null;
  defaultVariant: boolean;
  regionCountries: string[];
  handle?: string | null;
  externalId?: string | null;
  /**
   * The status the page will have. Omitted: the stored page's status on update, ACTIVE on creation.
   * Uniqueness rules only count non-archived pages, so archiving never conflicts and un-archiving
   * (status ACTIVE on an archived page) is checked like a creation.
   */
  status?: PageStatus;
}

/** What a draft is checked against. */
export interface PageValidationContext {
  /** The brand's audiences: the allowed values of a SEGMENT page's `segment`. */
  audiences: readonly string[];
  /** Every page of the brand, all networks and statuses (the draft's old version included on update). */
  pages: readonly TreePage[];
}

/** One broken rule, attached to the draft field a form should highlight. */
export interface FieldIssue {
  field: string;
  message: string;
}

import { subject as caslSubject } from '@casl/ability';
import type { SubjectType } from './define-ability';

/** Tags a plain record with its subject type so conditions apply to it. */
export function asSubject<T extends object>(type: SubjectType, record: T): T & { __caslSubjectType__: SubjectType } {
  return caslSubject(type, { ...record }) as T & { __caslSubjectType__: SubjectType };
}

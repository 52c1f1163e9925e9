/** The areas of the admin, in the order the navigation shows them; `ready` ones have a screen. */
export interface Area {
  path: string;
  label: string;
  ready: boolean;
}

export const AREAS: readonly Area[] = [
  { path: '/pages', label: 'Pages', ready: true },
  { path: '/coverage', label: 'Coverage map', ready: true },
  { path: '/simulator', label: 'Pivot simulator', ready: true },
  { path: '/content', label: 'Content', ready: false },
  { path: '/reply-queues', label: 'Reply queues', ready: false },
  { path: '/team', label: 'Team', ready: false },
  { path: '/audit', label: 'Audit', ready: false },
  { path: '/insights', label: 'Insights', ready: false },
];

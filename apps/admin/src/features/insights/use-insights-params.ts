import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { dayOf, granularityFor, presetRange, RANGE_PRESETS, rangeProblem, type DayRange, type Granularity, type RangePreset } from './insights-range';

export interface InsightsParams {
  /** The scope asked for in the URL; the screen falls back to the first readable one. */
  scopeId: string | null;
  preset: RangePreset;
  range: DayRange;
  granularity: Granularity;
  setScope: (scopeId: string) => void;
  setPreset: (preset: Exclude<RangePreset, 'custom'>) => void;
  setCustom: (range: DayRange) => void;
}

/**
 * Scope and range live in the URL (?scope=&range=30d or &from=&to=): a drill-in is a link, the
 * back button undoes it, and a shared link opens the same figures.
 */
export function useInsightsParams(): InsightsParams {
  const [params, setParams] = useSearchParams();
  const today = dayOf(new Date());
  const scopeId = params.get('scope');
  const asked = params.get('range');
  const custom = { from: params.get('from'), to: params.get('to') };
  const preset: RangePreset = asked === 'custom' && !rangeProblem(custom) ? 'custom' : RANGE_PRESETS.includes(asked as RangePreset) && asked !== 'custom' ? (asked as RangePreset) : '30d';
  const from = preset === 'custom' ? custom.from! : presetRange(preset, today).from;
  const to = preset === 'custom' ? custom.to! : presetRange(preset, today).to;
  const range = useMemo(() => ({ from, to }), [from, to]);

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      }),
    [setParams],
  );

  return {
    scopeId,
    preset,
    range,
    granularity: granularityFor(range),
    setScope: useCallback((id: string) => update((next) => next.set('scope', id)), [update]),
    setPreset: useCallback(
      (value: Exclude<RangePreset, 'custom'>) =>
        update((next) => {
          next.set('range', value);
          next.delete('from');
          next.delete('to');
        }),
      [update],
    ),
    setCustom: useCallback(
      (value: DayRange) =>
        update((next) => {
          next.set('range', 'custom');
          next.set('from', value.from);
          next.set('to', value.to);
        }),
      [update],
    ),
  };
}

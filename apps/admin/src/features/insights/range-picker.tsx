import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { rangeProblem, type DayRange, type RangePreset } from './insights-range';

const SHORT_LABELS: Record<RangePreset, string> = { '7d': '7 days', '30d': '30 days', '90d': '90 days', month: 'This month', custom: 'Custom' };

interface RangePickerProps {
  preset: RangePreset;
  range: DayRange;
  onPreset: (preset: Exclude<RangePreset, 'custom'>) => void;
  onCustom: (range: DayRange) => void;
}

/** Presets apply at once; a custom range applies with its button, checked like the API checks it. */
export function RangePicker({ preset, range, onPreset, onCustom }: RangePickerProps) {
  const [choice, setChoice] = useState<RangePreset>(preset);
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [tried, setTried] = useState(false);
  const problem = rangeProblem({ from, to });

  function choose(value: string) {
    const next = value as RangePreset;
    setChoice(next);
    if (next === 'custom') {
      setFrom(range.from);
      setTo(range.to);
      return;
    }
    onPreset(next);
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!problem) onCustom({ from, to });
  }

  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="Date range"
        size="xs"
        value={choice}
        onChange={choose}
        data={Object.entries(SHORT_LABELS).map(([value, label]) => ({ value, label }))}
      />
      {choice === 'custom' && (
        <form onSubmit={apply} aria-label="Custom range">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput type="date" label="From" size="xs" value={from} onChange={(event) => setFrom(event.currentTarget.value)} required />
            <TextInput type="date" label="To" size="xs" value={to} onChange={(event) => setTo(event.currentTarget.value)} required />
            <Button type="submit" size="xs">
              Apply
            </Button>
          </Group>
          {tried && problem && (
            <Text size="xs" c="red" role="alert" mt={4}>
              {problem}
            </Text>
          )}
        </form>
      )}
    </Stack>
  );
}

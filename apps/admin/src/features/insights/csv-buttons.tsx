import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { CsvDownloadError, csvUrl, downloadCsv, type CsvExport } from './csv-download';
import type { DayRange, Granularity } from './insights-range';

const EXPORTS: readonly { kind: CsvExport; label: string; what: (rows: number) => string }[] = [
  { kind: 'market-comparison', label: 'Markets CSV', what: (rows) => `${rows} ${rows === 1 ? 'market' : 'markets'}` },
  { kind: 'series', label: 'Series CSV', what: (rows) => `${rows} ${rows === 1 ? 'period' : 'periods'}` },
];

/** Downloads the comparison or the series of what is on screen, and says what came down. */
export function CsvButtons({ scopePageId, range, granularity }: { scopePageId: string; range: DayRange; granularity: Granularity }) {
  const [busy, setBusy] = useState<CsvExport | null>(null);

  async function download(kind: CsvExport, what: (rows: number) => string) {
    setBusy(kind);
    try {
      const result = await downloadCsv(csvUrl(kind, { scopePageId, ...range, granularity }), `${kind}-${range.from}-${range.to}.csv`);
      notifications.show({ color: 'teal', title: 'Download ready', message: `${result.filename}: ${what(result.rows)}.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Download failed', message: error instanceof CsvDownloadError ? error.message : 'The file could not be saved.' });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Group gap="xs">
      {EXPORTS.map(({ kind, label, what }) => (
        <Button key={kind} size="xs" variant="default" loading={busy === kind} onClick={() => void download(kind, what)}>
          {label}
        </Button>
      ))}
    </Group>
  );
}

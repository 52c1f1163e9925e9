import { Kbd, Paper, Table } from '@mantine/core';
import { SHORTCUTS } from './workspace-model';

/** The workspace's keys, listed from the same table the handler reads. */
export function ShortcutsHelp() {
  return (
    <Paper withBorder radius="md" p="sm" data-testid="shortcuts" aria-label="Keyboard shortcuts">
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Tbody>
          {SHORTCUTS.map((shortcut) => (
            <Table.Tr key={shortcut.key}>
              <Table.Td w={120}>
                <Kbd size="xs">{shortcut.key}</Kbd>
              </Table.Td>
              <Table.Td>{shortcut.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

import { Center, Group, Loader, Text } from '@mantine/core';

/** What a screen (or a part of one) shows while its first answer is on the way. */
export function ScreenLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" aria-busy="true">
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

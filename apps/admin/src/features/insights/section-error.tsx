import { Alert, Button, Text } from '@mantine/core';

/** In place of a section whose query failed: what went wrong and a way to ask again. */
export function SectionError({ title, message, onRetry }: { title: string; message: string; onRetry: () => void }) {
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm" mb="xs">
        {message}
      </Text>
      <Button size="xs" variant="light" color="red" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}

import { Box, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatCount, formatRate } from './insights-format';
import { funnelIsEmpty, funnelSteps, type FunnelFigures } from './insights-model';

/**
 * "What do your fans do after?" Each step's bar is its share of the largest step on a
 * square-root scale: conversing is often below 1 % of followers, and a linear bar would vanish.
 * The largest step is not always followers: reach counts people who do not follow the page.
 */
export function FunnelView({ funnel }: { funnel: FunnelFigures | null }) {
  const steps = funnel ? funnelSteps(funnel) : [];
  const largest = Math.max(0, ...steps.map((step) => step.value ?? 0));
  return (
    <Paper withBorder radius="md" p="sm" data-testid="insights-funnel">
      <Title order={3} size="h4" mb="xs">
        Funnel
      </Title>
      {!funnel ? (
        <Stack gap="xs">
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} height={22} />
          ))}
        </Stack>
      ) : funnelIsEmpty(funnel) ? (
        <Text size="sm" c="dimmed">
          No followers, reach or conversations in this range: pick a longer range, or check that the pages are linked to the network.
        </Text>
      ) : (
        <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {steps.map((step, i) => {
            const share = largest > 0 ? (step.value ?? 0) / largest : 0;
            return (
              <Box component="li" key={step.key} data-testid="funnel-step" data-step={step.key}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {step.label}
                  </Text>
                  <Text size="sm">
                    <b>{formatCount(step.value)}</b>
                    {i > 0 && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {formatRate(step.ofPrevious)} of {steps[i - 1]!.label.toLowerCase()}
                      </Text>
                    )}
                  </Text>
                </Group>
                <Box h={8} bg="gray.1" style={{ borderRadius: 4 }}>
                  <Box h={8} bg="indigo.5" style={{ borderRadius: 4, width: `${Math.max(share > 0 ? 1 : 0, Math.sqrt(share) * 100)}%` }} />
                </Box>
              </Box>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApprovalPathStep, GuardrailIssue } from '@pivot/domain';
import { bodySegments } from './composer-model';

type Issue = Pick<GuardrailIssue, 'code' | 'severity' | 'message' | 'start' | 'end'> & { field?: string | null; network?: string | null };

/** The body with each guardrail's span marked: red for what blocks submitting, yellow for warnings. */
export function HighlightedBody({ body, issues }: { body: string; issues: readonly Issue[] }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="highlighted-body">
      {bodySegments(body, issues).map((segment, index) =>
        segment.severity ? (
          <mark
            key={index}
            title={segment.messages.join('\n')}
            data-severity={segment.severity}
            style={{ background: segment.severity === 'error' ? 'var(--mantine-color-red-2)' : 'var(--mantine-color-yellow-2)', borderRadius: 2 }}
          >
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </Text>
  );
}

/** Blocking errors, then warnings, as the domain's `checkDraft` reports them. */
export function GuardrailList({ issues }: { issues: readonly Issue[] }) {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  if (issues.length === 0) {
    return (
      <Text size="sm" c="green.8" data-testid="guardrails-ok">
        No guardrail issue.
      </Text>
    );
  }
  const item = (issue: Issue, index: number) => (
    <List.Item key={`${issue.code}-${index}`} data-testid="guardrail-issue" data-severity={issue.severity} data-code={issue.code}>
      <Text size="sm" span>
        {issue.message}
        {issue.network && <Text span c="dimmed"> ({issue.network})</Text>}
      </Text>
    </List.Item>
  );
  return (
    <Stack gap={4}>
      {errors.length > 0 && (
        <>
          <Text size="sm" fw={600} c="red.8">
            Blocking: fix before submitting
          </Text>
          <List size="sm" c="red.8">{errors.map(item)}</List>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <Text size="sm" fw={600} c="yellow.9">
            Warnings
          </Text>
          <List size="sm" c="yellow.9">{warnings.map(item)}</List>
        </>
      )}
    </Stack>
  );
}

/** "Who must approve this?": the steps the domain's `approvalPath` gives the draft as it stands. */
export function ApprovalPreview({ path, hasTargets }: { path: readonly ApprovalPathStep[]; hasTargets: boolean }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid="approval-preview">
      <Title order={5} mb={4}>
        Who must approve this?
      </Title>
      {!hasTargets ? (
        <Text size="sm" c="dimmed">
          Pick a target page first.
        </Text>
      ) : path.length === 0 ? (
        <Text size="sm" c="red.8">
          Nobody could approve this post: the API will refuse to submit it.
        </Text>
      ) : (
        <List type="ordered" size="sm">
          {path.map((pathStep) => (
            <List.Item key={pathStep.step.id} data-testid="approval-step" data-step-id={pathStep.step.id}>
              <Group gap={6}>
                <Text size="sm" fw={500}>
                  {pathStep.step.name}
                </Text>
                <Text size="sm" c="dimmed">
                  {pathStep.approvers}
                </Text>
                {pathStep.problem && <Badge color="red">{pathStep.problem}</Badge>}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Grid, Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useAbility } from '../../app/ability';
import { useCurrentBrand } from '../../app/brand-context';
import type { PostDetailFragment } from '../../gql/graphql';
import { ScreenLoader } from '../../shared/screen-loader';
import { isHeld } from './calendar-model';
import { CascadePanel } from './cascade-panels';
import { GuardrailList, HighlightedBody } from './guardrail-panels';
import { PostActions } from './post-actions';
import { StateBadge } from './post-list';
import { EVENT_LABELS, isReadOnly, notFound, postScheduleActions, postUiActions, STATE_LABELS } from './post-model';
import { PostScheduleActions } from './post-schedule-actions';
import { PostQuery } from './posts.graphql';
import { PublishingFreezesQuery } from './publishing-freeze.graphql';

const STEP_COLORS = { APPROVED: 'teal', CURRENT: 'blue', WAITING: 'gray' } as const;

/** One post: its text and targets, the approval path with its current step, its timeline and what the user may do. */
export function PostDetailScreen({ userId }: { userId: string }) {
  const { id } = useParams();
  const ability = useAbility();
  const brand = useCurrentBrand();
  const { data, error } = useQuery(PostQuery, { variables: { id: id! } });
  const freezes = useQuery(PublishingFreezesQuery, { variables: { brandId: brand.id } });
  // Names come with the timeline (even a publisher, who reads no other account, sees who
  // approved); its actors are the author and every approver the path shows.
  const names = useMemo(() => new Map((data?.post.timeline ?? []).flatMap((entry) => (entry.actorId && entry.actorName ? [[entry.actorId, entry.actorName] as const] : []))), [data]);
  if (error && !data) return notFound(error) ? <PostMissing /> : <Alert color="red" data-testid="post-error">{error.message}</Alert>;
  if (!data) return <ScreenLoader label="Loading the post…" />;
  const post = data.post;
  const held = isHeld(post, freezes.data?.publishingFreezes ?? []);
  const nameOf = (actorId: string | null | undefined) => (!actorId ? 'the system' : actorId === userId ? 'You' : (names.get(actorId) ?? 'a former colleague'));
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <Paper withBorder radius="md" p="md" data-testid="post-detail">
            <Stack gap="xs">
              <Group justify="space-between">
                <StateBadge state={post.state} />
                <Text size="xs" c="dimmed">
                  by {nameOf(post.authorId)} · {post.locale} · version {post.version}
                </Text>
              </Group>
              {post.publishAt && (
                <Group gap={6} data-testid="post-schedule">
                  <Text size="sm">
                    {post.state === 'PUBLISHED' ? 'Was due' : 'Publishes'} <time dateTime={post.publishAt}>{new Date(post.publishAt).toLocaleString()}</time>
                  </Text>
                  {held && (
                    <Badge color="orange" variant="filled" data-testid="post-held">
                      held by a publishing freeze
                    </Badge>
                  )}
                </Group>
              )}
              <HighlightedBody body={post.body} issues={post.guardrails.issues} />
              {post.link && (
                <Text size="sm">
                  Link: <a href={post.link}>{post.link}</a>
                </Text>
              )}
              <Group gap={6} data-testid="post-targets">
                {post.targets.map((page) => (
                  <Badge key={page.id} variant="outline" tt="none">
                    {page.name} · {page.network}
                  </Badge>
                ))}
              </Group>
              <GuardrailList issues={post.guardrails.issues} />
            </Stack>
          </Paper>
          <CascadePanel post={post} />
          {isReadOnly(ability, post) && (
            // On the market's calendar a publisher reads everyone's posts and changes only their own.
            <Text size="sm" c="dimmed" data-testid="post-read-only">
              Read only: you may see this post, not change it.
            </Text>
          )}
          <PostActions post={post} actions={postUiActions(ability, post, userId)} />
          <PostScheduleActions post={post} actions={postScheduleActions(ability, post)} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack>
          <ApprovalPathPanel path={post.approvalPath} nameOf={nameOf} />
          <Paper withBorder radius="md" p="sm">
            <Title order={5} mb="xs">
              Timeline
            </Title>
            <Timeline bulletSize={14} lineWidth={2} data-testid="post-timeline">
              {post.timeline.map((entry) => (
                <Timeline.Item key={entry.id} data-testid="timeline-entry" data-kind={entry.kind} data-actor={entry.actorName ?? ''} title={`${nameOf(entry.actorId)} ${EVENT_LABELS[entry.kind]}`}>
                  {entry.toState && entry.fromState !== entry.toState && (
                    <Text size="xs" c="dimmed">
                      {entry.fromState ? `${STATE_LABELS[entry.fromState]} → ` : ''}
                      {STATE_LABELS[entry.toState]}
                      {entry.stepId && ` · step ${entry.stepId}`}
                    </Text>
                  )}
                  {entry.comment && (
                    <Text size="sm" data-testid="timeline-comment">
                      “{entry.comment}”
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    <time dateTime={entry.occurredAt}>{new Date(entry.occurredAt).toLocaleString()}</time>
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function PostMissing() {
  return (
    <Paper withBorder radius="md" p="lg" data-testid="post-missing">
      <Stack gap="xs" align="flex-start">
        <Title order={4}>Post not found</Title>
        <Text size="sm" c="dimmed">
          There is no such post, or it is not yours to see. Check the address, or find it in the lists.
        </Text>
        <Button component={Link} to="/content/posts" variant="default" size="xs">
          All posts
        </Button>
      </Stack>
    </Paper>
  );
}

function ApprovalPathPanel({ path, nameOf }: { path: PostDetailFragment['approvalPath']; nameOf: (id: string) => string }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid="approval-path">
      <Title order={5} mb={4}>
        {path.preview ? 'Who must approve this (if submitted now)?' : 'Approval path'}
      </Title>
      {path.steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          No approval step.
        </Text>
      ) : (
        <List type="ordered" size="sm" spacing={4}>
          {path.steps.map((step) => (
            <List.Item key={step.id} data-testid="approval-step" data-step-id={step.id} data-status={step.status}>
              <Group gap={6}>
                <Text size="sm" fw={500}>
                  {step.name}
                </Text>
                {!path.preview && (
                  <Badge size="sm" color={STEP_COLORS[step.status]} variant={step.status === 'CURRENT' ? 'filled' : 'light'}>
                    {step.status.toLowerCase()}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {step.approvers}
                {step.approvedBy.length > 0 && ` · approved by ${step.approvedBy.map(nameOf).join(', ')}`}
              </Text>
              {step.problem && <Badge color="red">{step.problem}</Badge>}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

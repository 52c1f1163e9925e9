import { Alert, Grid, Kbd, Stack } from '@mantine/core';
import type { WorkedConversationFragment } from '../../../gql/graphql';
import type { PageInfo } from '../conversation-detail-panel';
import { ConversationActions } from './conversation-actions';
import { ConversationHistory } from './conversation-history';
import { ReplyBox } from './reply-box';
import type { ClaimLease } from './use-claim-lease';
import type { ReplyActions } from './use-reply-actions';
import type { WorkspaceRefs } from './use-workspace-shortcuts';

interface WorkedConversationProps {
  conversation: WorkedConversationFragment;
  page: (PageInfo & { languages: readonly string[] }) | null;
  work: Pick<ClaimLease, 'busy' | 'replyError' | 'actionError' | 'isMine' | 'onActivity'>;
  actions: ReplyActions;
  refs: WorkspaceRefs;
  /** "Held by you until …", as the history panel heads it. */
  lease: string;
  moderatorName: string;
  /** The queues' members by id, to name lease holders and note authors. */
  names: ReadonlyMap<string, string>;
  /** The brand's queues one may escalate to. */
  queues: readonly { id: string; name: string }[];
}

/** The open conversation: its history beside the reply box and the other actions. */
export function WorkedConversation({ conversation, page, work, actions, refs, lease, moderatorName, names, queues }: WorkedConversationProps) {
  const done = ['RESOLVED', 'SNOOZED', 'ESCALATED'].includes(conversation.state);
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <ConversationHistory conversation={conversation} page={page} lease={lease} held={work.isMine} names={names} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack>
          {done && (
            <Alert color="green" p="xs" data-testid="worked-done">
              This conversation is {conversation.state.toLowerCase().replace('_', ' ')}. Press <Kbd size="xs">n</Kbd> for the next one.
            </Alert>
          )}
          <ReplyBox
            key={conversation.id}
            pageId={conversation.pageId}
            conversationLanguage={conversation.language ?? null}
            pageLanguages={page?.languages ?? []}
            preview={{ authorName: conversation.authorName ?? null, pageName: page?.name ?? '', moderatorName }}
            sending={work.busy === 'reply'}
            error={work.replyError}
            textRef={refs.reply}
            cannedRef={refs.canned}
            onActivity={work.onActivity}
            onSend={actions.sendReply}
          />
          <ConversationActions
            key={`actions-${conversation.id}`}
            refs={refs}
            queues={queues.filter((queue) => queue.id !== conversation.queueId)}
            busy={work.busy}
            error={work.actionError}
            onActivity={work.onActivity}
            onNote={actions.sendNote}
            onEscalate={actions.sendEscalation}
            onSnooze={actions.sendSnooze}
            onResolve={actions.sendResolve}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

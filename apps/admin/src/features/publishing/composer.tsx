import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Grid, Group, MultiSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAbility } from '../../app/ability';
import { useCurrentBrand } from '../../app/brand-context';
import type { PostDetailFragment } from '../../gql/graphql';
import { apiErrorsOf, NO_API_ERRORS, type ApiErrors } from '../../shared/api-field-errors';
import { ScreenLoader } from '../../shared/screen-loader';
import { scopePageLabel } from '../access/grant-choices';
import { useBrandTree } from '../hierarchy/use-brand-tree';
import { fromLocalInput, guardrailsOf, policiesOf, reviewDraft, targetablePages, toLocalInput } from './composer-model';
import { ApprovalPreview, GuardrailList, HighlightedBody } from './guardrail-panels';
import { CreatePostMutation, SubmitPostMutation, UpdatePostMutation } from './post-mutations.graphql';
import { PostQuery, PostsQuery } from './posts.graphql';
import { PublishingRulesQuery } from './publishing-rules.graphql';

/** A new post (`/content/new`) or an editable one (`/content/posts/:id/edit`). */
export function ComposerScreen({ userId }: { userId: string }) {
  const { id } = useParams();
  const existing = useQuery(PostQuery, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'network-only' });
  if (id && !existing.data) return existing.error ? <Alert color="red">{existing.error.message}</Alert> : <ScreenLoader label="Loading the post…" />;
  return <Composer key={id ?? 'new'} userId={userId} post={existing.data?.post ?? null} />;
}

function Composer({ userId, post }: { userId: string; post: PostDetailFragment | null }) {
  const ability = useAbility();
  const brand = useCurrentBrand();
  const navigate = useNavigate();
  const tree = useBrandTree();
  const rules = useQuery(PublishingRulesQuery, { variables: { brandId: brand.id } });
  const [saved, setSaved] = useState<{ id: string; version: number } | null>(post ? { id: post.id, version: post.version } : null);
  const [targetPageIds, setTargets] = useState<string[]>(post ? post.targets.map((page) => page.id) : []);
  const [body, setBody] = useState(post?.body ?? '');
  const [link, setLink] = useState(post?.link ?? '');
  const [locale, setLocale] = useState(post?.locale ?? '');
  const [publishAt, setPublishAt] = useState(toLocalInput(post?.publishAt));
  const [errors, setErrors] = useState<ApiErrors>(NO_API_ERRORS);
  const refetch = { refetchQueries: [PostsQuery], awaitRefetchQueries: false };
  const [createPost, creating] = useMutation(CreatePostMutation, refetch);
  const [updatePost, updating] = useMutation(UpdatePostMutation, refetch);
  const [submitPost, submitting] = useMutation(SubmitPostMutation, refetch);

  const pages = useMemo(() => tree.data?.brand.pages ?? [], [tree.data]);
  const choices = useMemo(() => {
    const offered = targetablePages(ability, pages, userId);
    // A saved post's targets stay listed even if they are no longer offered, so the picker shows them.
    const extra = pages.filter((page) => targetPageIds.includes(page.id) && !offered.includes(page));
    return [...offered, ...extra];
  }, [ability, pages, userId, targetPageIds]);

  // A first target suggests the locale from its first language; the user can change it.
  useEffect(() => {
    if (locale !== '' || targetPageIds.length === 0) return;
    const first = pages.find((page) => page.id === targetPageIds[0]);
    const language = first?.languages[0];
    if (language) setLocale(first.country ? `${language}-${first.country}` : language);
  }, [targetPageIds, pages, locale]);

  const review = useMemo(() => {
    if (!rules.data) return null;
    return reviewDraft(
      { body, link, targetPageIds },
      { pages, guardrails: guardrailsOf(rules.data.brandGuardrails), policies: policiesOf(rules.data.approvalPolicies), authorId: post?.authorId ?? userId, brandId: brand.id },
    );
  }, [rules.data, body, link, targetPageIds, pages, post?.authorId, userId, brand.id]);

  if (!tree.data || !rules.data) return <ScreenLoader label="Loading the brand's rules…" />;

  const busy = creating.loading || updating.loading || submitting.loading;
  const fieldError = (field: string) => errors.fields[field]?.join(' ') || undefined;

  /** Creates or updates the draft; returns its id and version, or null when the API refused. */
  async function save(): Promise<{ id: string; version: number } | null> {
    setErrors(NO_API_ERRORS);
    try {
      if (!saved) {
        const { data } = await createPost({ variables: { input: { brandId: brand.id, targetPageIds, body, link: link.trim() || null, locale: locale.trim(), publishAt: fromLocalInput(publishAt) } } });
        const next = { id: data!.createPost.id, version: data!.createPost.version };
        setSaved(next);
        return next;
      }
      const at = fromLocalInput(publishAt);
      const schedule = at ? { publishAt: at } : { clearPublishAt: true };
      const { data } = await updatePost({ variables: { id: saved.id, version: saved.version, input: { targetPageIds, body, link: link.trim(), locale: locale.trim(), ...schedule } } });
      const next = { id: data!.updatePost.id, version: data!.updatePost.version };
      setSaved(next);
      return next;
    } catch (error) {
      setErrors(apiErrorsOf(error));
      return null;
    }
  }

  async function saveDraft() {
    const done = await save();
    if (done) navigate(`/content/posts/${done.id}/edit`, { replace: true });
  }

  async function submit() {
    const done = await save();
    if (!done) return;
    try {
      await submitPost({ variables: done });
      navigate(`/content/posts/${done.id}`);
    } catch (error) {
      setErrors(apiErrorsOf(error));
    }
  }

  const issues = review?.report.issues ?? [];
  const linkIssues = issues.filter((issue) => issue.field === 'link' && issue.severity === 'error').map((issue) => issue.message);

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder radius="md" p="md">
          <Stack>
            <Title order={3}>{post ? 'Edit post' : 'New post'}</Title>
            {saved && (
              <Text size="xs" c="dimmed" data-testid="draft-saved">
                Draft saved (version {saved.version})
              </Text>
            )}
            <MultiSelect
              label="Target pages"
              placeholder="Pages you may post to"
              data={choices.map((page) => ({ value: page.id, label: scopePageLabel(page) }))}
              value={targetPageIds}
              onChange={setTargets}
              searchable
              error={fieldError('targetPageIds')}
            />
            <Textarea label="Text" autosize minRows={5} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={fieldError('body')} />
            <TextInput label="Link" placeholder="https://…" value={link} onChange={(e) => setLink(e.currentTarget.value)} error={fieldError('link') ?? (linkIssues.join(' ') || undefined)} />
            <Group align="flex-start">
              <TextInput label="Locale" placeholder="fr-FR" value={locale} onChange={(e) => setLocale(e.currentTarget.value)} error={fieldError('locale')} w={160} />
              <TextInput
                type="datetime-local"
                label="Publish at"
                description="Empty: it waits, approved, for a time. Set: it is scheduled once approved."
                value={publishAt}
                onChange={(e) => setPublishAt(e.currentTarget.value)}
                error={fieldError('publishAt')}
                w={300}
              />
            </Group>
            {errors.general && (
              <Alert color="red" data-testid="composer-error">
                {errors.general}
              </Alert>
            )}
            <Group>
              <Button variant="default" onClick={() => void saveDraft()} loading={busy} disabled={targetPageIds.length === 0}>
                Save draft
              </Button>
              <Button onClick={() => void submit()} loading={busy} disabled={targetPageIds.length === 0 || !!review?.report.blocking}>
                Submit for approval
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack>
          <Paper withBorder radius="md" p="sm" data-testid="live-guardrails">
            <Title order={5} mb={4}>
              Guardrails
            </Title>
            <Stack gap="xs">
              {body !== '' && <HighlightedBody body={body} issues={issues} />}
              <GuardrailList issues={issues} />
            </Stack>
          </Paper>
          <ApprovalPreview path={review?.path ?? []} hasTargets={targetPageIds.length > 0} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
